package com.northbeam.content.article;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import com.northbeam.content.system.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The editor API for articles (drafts included); needs the {@code content:write} scope.
 */
@RestController
@RequestMapping("/api/editor/articles")
class ArticleEditorController {

	private final ArticleEditing editing;

	private final RelatedLinks relatedLinks;

	ArticleEditorController(ArticleEditing editing, RelatedLinks relatedLinks) {
		this.editing = editing;
		this.relatedLinks = relatedLinks;
	}

	@GetMapping
	@Operation(summary = "Every article, drafts included, optionally in one status")
	List<EditorArticleSummary> list(@RequestParam(required = false) String status) {
		return editing.list(statusOf(status));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One article as the editor sees it, whatever its status")
	EditorArticle get(@PathVariable long id) {
		return editing.get(id);
	}

	@PostMapping
	@Operation(summary = "Creates an article as a draft")
	ResponseEntity<EditorArticle> create(@Valid @RequestBody ArticleForm form, @AuthenticationPrincipal Jwt editor) {
		EditorArticle created = editing.create(form, editor.getSubject());
		return ResponseEntity.created(URI.create("/api/editor/articles/" + created.id())).body(created);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Saves an article and records a revision; 409 unless version is the one the article is at")
	EditorArticle update(@PathVariable long id, @Valid @RequestBody ArticleForm form,
			@AuthenticationPrincipal Jwt editor) {
		return editing.update(id, form, editor.getSubject());
	}

	@PostMapping("/{id}/publish")
	@Operation(summary = "Publishes an article now")
	EditorArticle publish(@PathVariable long id, @Valid @RequestBody ArticleTransition transition,
			@AuthenticationPrincipal Jwt editor) {
		return editing.publish(id, transition, editor.getSubject());
	}

	@PostMapping("/{id}/schedule")
	@Operation(summary = "Schedules an article to go live at the given time")
	EditorArticle schedule(@PathVariable long id, @Valid @RequestBody ArticleTransition transition,
			@AuthenticationPrincipal Jwt editor) {
		return editing.schedule(id, transition, editor.getSubject());
	}

	@PostMapping("/{id}/unpublish")
	@Operation(summary = "Takes an article back to draft")
	EditorArticle unpublish(@PathVariable long id, @Valid @RequestBody ArticleTransition transition,
			@AuthenticationPrincipal Jwt editor) {
		return editing.unpublish(id, transition, editor.getSubject());
	}

	@PostMapping("/{id}/archive")
	@Operation(summary = "Archives an article")
	EditorArticle archive(@PathVariable long id, @Valid @RequestBody ArticleTransition transition,
			@AuthenticationPrincipal Jwt editor) {
		return editing.archive(id, transition, editor.getSubject());
	}

	@GetMapping("/{id}/revisions")
	@Operation(summary = "An article's revisions, newest first")
	List<RevisionSummary> revisions(@PathVariable long id) {
		return editing.revisions(id);
	}

	@GetMapping("/{id}/revisions/{revision}")
	@Operation(summary = "One revision of an article")
	Revision revision(@PathVariable long id, @PathVariable int revision) {
		return editing.revision(id, revision);
	}

	@PostMapping("/{id}/revisions/{revision}/restore")
	@Operation(summary = "Restores an old revision as the article's current text")
	EditorArticle restore(@PathVariable long id, @PathVariable int revision,
			@Valid @RequestBody ArticleTransition transition, @AuthenticationPrincipal Jwt editor) {
		return editing.restore(id, revision, transition, editor.getSubject());
	}

	@PutMapping("/{id}/related")
	@Operation(summary = "Replaces an article's curated related links")
	EditorArticle related(@PathVariable long id, @Valid @RequestBody RelatedForm form) {
		return relatedLinks.replace(id, form);
	}

	private static Status statusOf(String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return Status.fromCode(status.strip().toLowerCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("status", "must be one of draft, scheduled, published, archived");
		}
	}

}
