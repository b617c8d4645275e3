package com.northbeam.content.faq;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.northbeam.content.rendering.MarkdownRenderer;
import com.northbeam.content.system.ConflictException;
import com.northbeam.content.system.ContentChangedEvent;
import com.northbeam.content.system.InvalidInputException;
import com.northbeam.content.system.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The FAQ feature's face: published FAQs for readers, and editing for editors. */
@Service
public class Faqs {

	private final FaqRepository faqs;

	private final FaqArticles articles;

	private final MarkdownRenderer renderer;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Faqs(FaqRepository faqs, FaqArticles articles, MarkdownRenderer renderer, ApplicationEventPublisher events,
			Clock clock) {
		this.faqs = faqs;
		this.articles = articles;
		this.renderer = renderer;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * All FAQs in order; {@code articleSlug} is set only when that article is published.
	 */
	@Transactional(readOnly = true)
	public List<Faq> published() {
		List<StoredFaq> all = faqs.all();
		Map<Long, String> visible = articles.visibleSlugsOf(articleIds(all), clock.instant());
		return all.stream().map((faq) -> faq.published(slugOf(faq, visible))).toList();
	}

	/** When an FAQ was last changed, if there is any. */
	@Transactional(readOnly = true)
	public Optional<Instant> lastModified() {
		return faqs.lastModified();
	}

	/** The FAQs attached to the article with this id and slug, in order. */
	@Transactional(readOnly = true)
	public List<Faq> forArticle(long articleId, String articleSlug) {
		return faqs.forArticle(articleId).stream().map((faq) -> faq.published(articleSlug)).toList();
	}

	@Transactional(readOnly = true)
	public List<EditorFaq> all() {
		List<StoredFaq> all = faqs.all();
		Map<Long, String> slugs = articles.slugsOf(articleIds(all));
		return all.stream().map((faq) -> faq.forEditor(slugOf(faq, slugs))).toList();
	}

	@Transactional
	public EditorFaq create(FaqForm form) {
		Long articleId = articleIdOf(form.articleSlug());
		long id = faqs.insert(form.question().strip(), form.answer(), renderer.render(form.answer()).html(),
				form.position(), articleId, clock.instant());
		events.publishEvent(new ContentChangedEvent("faq " + id));
		return editorView(id);
	}

	@Transactional
	public EditorFaq update(long id, FaqForm form) {
		if (form.version() == null) {
			throw new InvalidInputException("version", "must be the version you edited");
		}
		StoredFaq current = faqs.find(id).orElseThrow(() -> new NotFoundException("No FAQ " + id));
		Long articleId = articleIdOf(form.articleSlug());
		if (!faqs.update(id, form.version(), form.question().strip(), form.answer(),
				renderer.render(form.answer()).html(), form.position(), articleId, clock.instant())) {
			throw new ConflictException("version", "The FAQ was changed by someone else since version " + form.version()
					+ "; reload it and apply your edit again.", Map.of("currentVersion", current.version()));
		}
		events.publishEvent(new ContentChangedEvent("faq " + id));
		return editorView(id);
	}

	@Transactional
	public void delete(long id) {
		if (!faqs.delete(id)) {
			throw new NotFoundException("No FAQ " + id);
		}
		events.publishEvent(new ContentChangedEvent("faq " + id));
	}

	private Long articleIdOf(String slug) {
		if (slug == null || slug.isBlank()) {
			return null;
		}
		return articles.idOf(slug)
			.orElseThrow(() -> new InvalidInputException("articleSlug", "no article has the slug '" + slug + "'"));
	}

	private EditorFaq editorView(long id) {
		StoredFaq faq = faqs.find(id).orElseThrow();
		return faq.forEditor(slugOf(faq, articles.slugsOf(articleIds(List.of(faq)))));
	}

	private static List<Long> articleIds(List<StoredFaq> faqs) {
		return faqs.stream().map(StoredFaq::articleId).filter(Objects::nonNull).distinct().toList();
	}

	private static String slugOf(StoredFaq faq, Map<Long, String> slugs) {
		return (faq.articleId() != null) ? slugs.get(faq.articleId()) : null;
	}

}
