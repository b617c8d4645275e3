package com.northbeam.content.article;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.northbeam.content.rendering.MarkdownRenderer;
import com.northbeam.content.rendering.RenderedMarkdown;
import com.northbeam.content.system.ConflictException;
import com.northbeam.content.system.ContentChangedEvent;
import com.northbeam.content.system.ContentProperties;
import com.northbeam.content.system.InvalidInputException;
import com.northbeam.content.system.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything an editor does to articles. Every save renders the Markdown, checks the
 * version the editor saw (a stale one is a {@code 409}), keeps the previous state as a
 * revision, and records a changed slug so the old one keeps working. A failed save stores
 * nothing. A preview renders exactly as a save does, and stores nothing either.
 */
@Service
@Transactional
public class ArticleEditing {

	/**
	 * The latest time an article may go live: later years do not fit a timestamp column.
	 */
	static final Instant LATEST_SCHEDULE = Instant.parse("9999-12-31T23:59:59Z");

	private final ArticleRepository articles;

	private final SlugHistoryRepository slugHistory;

	private final RevisionRepository revisions;

	private final EditorViews views;

	private final MarkdownRenderer renderer;

	private final TocJson toc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final String defaultAuthor;

	ArticleEditing(ArticleRepository articles, SlugHistoryRepository slugHistory, RevisionRepository revisions,
			EditorViews views, MarkdownRenderer renderer, TocJson toc, ApplicationEventPublisher events, Clock clock,
			ContentProperties properties) {
		this.articles = articles;
		this.slugHistory = slugHistory;
		this.revisions = revisions;
		this.views = views;
		this.renderer = renderer;
		this.toc = toc;
		this.events = events;
		this.clock = clock;
		this.defaultAuthor = properties.seed().author();
	}

	@Transactional(readOnly = true)
	public List<EditorArticleSummary> list(Status status) {
		return articles.all(status, clock.instant());
	}

	@Transactional(readOnly = true)
	public EditorArticle get(long id) {
		return views.view(id);
	}

	/**
	 * The HTML and table of contents {@code body} would be saved with; nothing is stored.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public ArticlePreview preview(String body) {
		RenderedMarkdown rendered = renderer.render(body);
		return new ArticlePreview(rendered.html(), rendered.toc());
	}

	/** Creates a draft. */
	public EditorArticle create(ArticleForm form, String editor) {
		Instant now = clock.instant();
		if (articles.findBySlug(form.slug()).isPresent()) {
			throw duplicateSlug(form.slug());
		}
		RenderedMarkdown rendered = renderer.render(form.body());
		String author = blankToNull(form.author());
		StoredArticle draft = new StoredArticle(0, form.slug(), form.kind(), form.title().strip(),
				form.summary().strip(), form.body(), rendered.html(), toc.write(rendered.toc()),
				rendered.readingMinutes(), Status.DRAFT, null, (author != null) ? author : defaultAuthor,
				blankToNull(form.seoTitle()), blankToNull(form.seoDescription()), now, now, 1);
		long id;
		try {
			id = articles.insert(draft, rendered.text());
		}
		catch (DuplicateKeyException ex) {
			throw duplicateSlug(form.slug());
		}
		slugHistory.reviveSlug(form.slug());
		articles.replaceTags(id, form.tagsOrEmpty());
		changed(id);
		return views.view(id);
	}

	public EditorArticle update(long id, ArticleForm form, String editor) {
		if (form.version() == null) {
			throw new InvalidInputException("version", "must be the version you edited");
		}
		StoredArticle current = load(id);
		String author = blankToNull(form.author());
		StoredArticle next = new StoredArticle(id, form.slug(), form.kind(), form.title().strip(),
				form.summary().strip(), form.body(), null, null, 0, current.status(), current.publishAt(),
				(author != null) ? author : current.author(), blankToNull(form.seoTitle()),
				blankToNull(form.seoDescription()), current.createdAt(), null, form.version());
		return save(current, next, form.tagsOrEmpty(), editor);
	}

	public EditorArticle publish(long id, ArticleTransition transition, String editor) {
		StoredArticle current = load(id);
		Instant now = clock.instant();
		Instant publishedAt = current.isVisibleAt(now) ? current.publishAt() : now;
		return transition(current, transition, Status.PUBLISHED, publishedAt, editor);
	}

	public EditorArticle schedule(long id, ArticleTransition transition, String editor) {
		StoredArticle current = load(id);
		Instant publishAt = transition.publishAt();
		if (publishAt == null || !publishAt.isAfter(clock.instant()) || publishAt.isAfter(LATEST_SCHEDULE)) {
			throw new InvalidInputException("publishAt", "must be a time in the future, before the year 10000");
		}
		return transition(current, transition, Status.SCHEDULED, transition.publishAt(), editor);
	}

	public EditorArticle unpublish(long id, ArticleTransition transition, String editor) {
		return transition(load(id), transition, Status.DRAFT, null, editor);
	}

	public EditorArticle archive(long id, ArticleTransition transition, String editor) {
		StoredArticle current = load(id);
		return transition(current, transition, Status.ARCHIVED, current.publishAt(), editor);
	}

	@Transactional(readOnly = true)
	public List<RevisionSummary> revisions(long id) {
		load(id);
		return revisions.revisions(id);
	}

	@Transactional(readOnly = true)
	public Revision revision(long id, int revision) {
		return revisions.revision(id, revision)
			.orElseThrow(() -> new NotFoundException("Article " + id + " has no revision " + revision));
	}

	/**
	 * Brings back the content of a revision (slug, kind, title, summary, body, tags,
	 * author, SEO fields) as a new save; the status stays as it is now.
	 */
	public EditorArticle restore(long id, int revision, ArticleTransition transition, String editor) {
		StoredArticle current = load(id);
		Revision old = revision(id, revision);
		StoredArticle next = new StoredArticle(id, old.slug(), old.kind(), old.title(), old.summary(), old.body(), null,
				null, 0, current.status(), current.publishAt(), old.author(), old.seoTitle(), old.seoDescription(),
				current.createdAt(), null, transition.version());
		return save(current, next, old.tags(), editor);
	}

	private EditorArticle transition(StoredArticle current, ArticleTransition transition, Status status,
			Instant publishAt, String editor) {
		StoredArticle next = new StoredArticle(current.id(), current.slug(), current.kind(), current.title(),
				current.summary(), current.bodyMarkdown(), null, null, 0, status, publishAt, current.author(),
				current.seoTitle(), current.seoDescription(), current.createdAt(), null, transition.version());
		return save(current, next, articles.tags(current.id()), editor);
	}

	/** {@code next.version()} is the version the editor saw. */
	private EditorArticle save(StoredArticle current, StoredArticle next, List<String> tags, String editor) {
		if (current.version() != next.version()) {
			throw stale(current, next.version());
		}
		boolean slugChanged = !current.slug().equals(next.slug());
		if (slugChanged && articles.slugTaken(next.slug(), current.id())) {
			throw duplicateSlug(next.slug());
		}
		Instant now = clock.instant();
		RenderedMarkdown rendered = renderer.render(next.bodyMarkdown());
		StoredArticle toStore = new StoredArticle(next.id(), next.slug(), next.kind(), next.title(), next.summary(),
				next.bodyMarkdown(), rendered.html(), toc.write(rendered.toc()), rendered.readingMinutes(),
				next.status(), next.publishAt(), next.author(), next.seoTitle(), next.seoDescription(),
				next.createdAt(), now, next.version());
		revisions.saveRevision(current, articles.tags(current.id()), now, editor);
		try {
			if (!articles.update(toStore, rendered.text())) {
				throw stale(load(current.id()), next.version());
			}
		}
		catch (DuplicateKeyException ex) {
			throw duplicateSlug(next.slug());
		}
		if (slugChanged) {
			slugHistory.reviveSlug(next.slug());
			slugHistory.retireSlug(current.slug(), current.id(), now);
		}
		articles.replaceTags(current.id(), tags);
		changed(current.id());
		return views.view(current.id());
	}

	private StoredArticle load(long id) {
		return views.load(id);
	}

	private void changed(long id) {
		events.publishEvent(new ContentChangedEvent("article " + id));
	}

	private static ConflictException stale(StoredArticle current, int seen) {
		return new ConflictException("version",
				"The article was changed by someone else since version " + seen + " (it is now at version "
						+ current.version() + "); reload it and apply your edit again.",
				Map.of("currentVersion", current.version()));
	}

	private static ConflictException duplicateSlug(String slug) {
		return new ConflictException("slug", "another article already has the slug '" + slug + "'");
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
