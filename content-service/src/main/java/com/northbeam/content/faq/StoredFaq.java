package com.northbeam.content.faq;

import java.time.Instant;

/** An FAQ row as stored; {@code articleId} is the article it is attached to, if any. */
record StoredFaq(long id, String question, String answerMarkdown, String answerHtml, int position, Long articleId,
		Instant updatedAt, int version) {

	Faq published(String articleSlug) {
		return new Faq(id, question, answerHtml, articleSlug);
	}

	EditorFaq forEditor(String articleSlug) {
		return new EditorFaq(id, question, answerMarkdown, answerHtml, position, articleSlug, updatedAt, version);
	}

}
