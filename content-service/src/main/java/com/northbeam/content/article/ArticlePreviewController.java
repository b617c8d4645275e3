package com.northbeam.content.article;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Renders an editor's Markdown as a save would, so the dashboard's preview is the saved
 * page; needs the {@code content:write} scope and stores nothing.
 */
@RestController
class ArticlePreviewController {

	private final ArticleEditing editing;

	ArticlePreviewController(ArticleEditing editing) {
		this.editing = editing;
	}

	@PostMapping("/api/editor/preview")
	@Operation(summary = "Markdown rendered and sanitised exactly as a saved article is (editor)")
	ArticlePreview preview(@Valid @RequestBody PreviewForm form) {
		return editing.preview(form.body());
	}

}
