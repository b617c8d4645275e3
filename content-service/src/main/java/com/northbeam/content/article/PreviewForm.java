package com.northbeam.content.article;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The Markdown an editor wants to see rendered; the same limit as an article's body. */
record PreviewForm(
		@NotNull @Size(max = ArticleForm.MAX_BODY, message = "must be at most {max} characters") String body) {
}
