package com.northbeam.content.faq;

/**
 * A published FAQ: the answer is sanitised HTML; {@code articleSlug} names the published
 * article it belongs to, if any.
 */
public record Faq(long id, String question, String answerHtml, String articleSlug) {
}
