package com.northbeam.content.faq;

import java.time.Instant;

/** An FAQ as an editor sees it. */
public record EditorFaq(long id, String question, String answer, String answerHtml, int position, String articleSlug,
		Instant updatedAt, int version) {
}
