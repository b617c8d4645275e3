package com.northbeam.gateway.client;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The gateway's view of content-service's editor API (drafts, publishing, revisions,
 * FAQs, the preview). Every call carries a token issued for the signed-in staff member,
 * so content-service records the real person in its revision history. Refusals become
 * {@link ContentRejectedException} (field errors), {@link StaleContentException} (someone
 * saved first) or {@link ContentNotFoundException}; every successful write announces a
 * {@link ContentEdited} so cached copies of the public site can go.
 */
@Component
public class ContentEditingClient {

	private final ContentEditorApi content;

	private final ApplicationEventPublisher events;

	ContentEditingClient(ContentEditorApi content, ApplicationEventPublisher events) {
		this.content = content;
		this.events = events;
	}

	/** Every article whatever its status, optionally only those with one status. */
	public List<ArticleSummary> articles(StaffCaller editor, String status) {
		String statusFilter = (status != null && !status.isBlank()) ? status : null;
		return List.copyOf(edits("articles", () -> content.articles(Caller.of(editor), statusFilter)));
	}

	public Article article(StaffCaller editor, long id) {
		return edits("article " + id, () -> content.article(Caller.of(editor), id));
	}

	/** Creates a draft. */
	public Article create(StaffCaller editor, ArticleInput input) {
		return written(edits("new article", () -> content.create(Caller.of(editor), input)));
	}

	/** Saves an edit; {@code input.version()} is the version the editor started from. */
	public Article update(StaffCaller editor, long id, ArticleInput input) {
		return written(edits("article " + id, () -> content.update(Caller.of(editor), id, input)));
	}

	/** Publishes, schedules (needs {@code publishAt}), unpublishes or archives. */
	public Article transition(StaffCaller editor, long id, Transition transition, int version, Instant publishAt) {
		return written(edits("article " + id, () -> content.transition(Caller.of(editor), id, transition.path(),
				new ContentEditorApi.TransitionInput(version, publishAt))));
	}

	/** Replaces the curated related articles, by slug, in reading order. */
	public Article replaceRelated(StaffCaller editor, long id, List<String> slugs) {
		return written(edits("article " + id,
				() -> content.replaceRelated(Caller.of(editor), id, new ContentEditorApi.RelatedInput(slugs))));
	}

	public List<RevisionSummary> revisions(StaffCaller editor, long id) {
		return List.copyOf(edits("article " + id, () -> content.revisions(Caller.of(editor), id)));
	}

	public Revision revision(StaffCaller editor, long id, int revision) {
		return edits("revision " + revision + " of article " + id,
				() -> content.revision(Caller.of(editor), id, revision));
	}

	/**
	 * Brings back a revision's content as a new save; {@code version} is the version the
	 * editor saw.
	 */
	public Article restore(StaffCaller editor, long id, int revision, int version) {
		return written(edits("revision " + revision + " of article " + id, () -> content.restore(Caller.of(editor), id,
				revision, new ContentEditorApi.TransitionInput(version, null))));
	}

	/** All FAQs in order, attached or not. */
	public List<Faq> faqs(StaffCaller editor) {
		return List.copyOf(edits("FAQs", () -> content.faqs(Caller.of(editor))));
	}

	public Faq createFaq(StaffCaller editor, FaqInput input) {
		return written(edits("new FAQ", () -> content.createFaq(Caller.of(editor), input)));
	}

	public Faq updateFaq(StaffCaller editor, long id, FaqInput input) {
		return written(edits("FAQ " + id, () -> content.updateFaq(Caller.of(editor), id, input)));
	}

	public void deleteFaq(StaffCaller editor, long id) {
		Refusals.CONTENT_EDITS.run("FAQ " + id, () -> content.deleteFaq(Caller.of(editor), id));
		events.publishEvent(new ContentEdited("FAQ " + id));
	}

	/**
	 * Markdown not saved yet, rendered and sanitised by content-service exactly as a
	 * saved article is; nothing is stored.
	 */
	public Preview preview(StaffCaller editor, String markdown) {
		return edits("preview", () -> content.preview(Caller.of(editor), new ContentEditorApi.PreviewInput(markdown)));
	}

	private static <T> T edits(String what, Supplier<T> call) {
		return Refusals.CONTENT_EDITS.answer(what, call);
	}

	private <T> T written(T result) {
		events.publishEvent(new ContentEdited(String.valueOf(result)));
		return result;
	}

	/**
	 * A change went through; whatever cached content-service's public answers may now be
	 * outdated.
	 */
	public record ContentEdited(String what) {
	}

	/** The status changes an editor can make. */
	public enum Transition {

		PUBLISH("publish"), SCHEDULE("schedule"), UNPUBLISH("unpublish"), ARCHIVE("archive");

		private final String path;

		Transition(String path) {
			this.path = path;
		}

		String path() {
			return path;
		}

	}

	/**
	 * What an editor sends to create or save an article; {@code version} is ignored on
	 * create.
	 */
	public record ArticleInput(String slug, String kind, String title, String summary, String body, List<String> tags,
			String author, String seoTitle, String seoDescription, Integer version) {
	}

	public record FaqInput(String question, String answer, Integer position, String articleSlug, Integer version) {
	}

	public record ArticleSummary(long id, String slug, String kind, String title, String status, Instant publishAt,
			Instant updatedAt, int version) {
	}

	/**
	 * An article as editors see it. {@code html} is content-service's sanitised rendering
	 * of {@code body}; {@code status} is the effective one (a scheduled article whose
	 * time came reads as published).
	 */
	public record Article(long id, String slug, String kind, String title, String summary, String body, String html,
			List<String> tags, List<String> related, List<String> previousSlugs, String status, String storedStatus,
			Instant publishAt, String author, String seoTitle, String seoDescription, int readingMinutes,
			Instant createdAt, Instant updatedAt, int version) {

		public Article {
			tags = (tags != null) ? List.copyOf(tags) : List.of();
			related = (related != null) ? List.copyOf(related) : List.of();
			previousSlugs = (previousSlugs != null) ? List.copyOf(previousSlugs) : List.of();
		}

		@Override
		public String toString() {
			return "article " + id + " (" + slug + ")";
		}

	}

	/**
	 * A preview: the sanitised HTML and the headings it would list in the table of
	 * contents.
	 */
	public record Preview(String html, List<ContentClient.TocEntry> toc) {

		public Preview {
			toc = (toc != null) ? List.copyOf(toc) : List.of();
		}

	}

	public record RevisionSummary(int revision, int articleVersion, String slug, String title, String status,
			Instant savedAt, String savedBy) {
	}

	public record Revision(int revision, int articleVersion, String slug, String kind, String title, String summary,
			String body, List<String> tags, String status, Instant publishAt, String author, String seoTitle,
			String seoDescription, Instant savedAt, String savedBy) {

		public Revision {
			tags = (tags != null) ? List.copyOf(tags) : List.of();
		}

	}

	public record Faq(long id, String question, String answer, String answerHtml, int position, String articleSlug,
			Instant updatedAt, int version) {

		@Override
		public String toString() {
			return "FAQ " + id;
		}

	}

}
