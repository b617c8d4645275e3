package com.northbeam.content.article;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.northbeam.content.faq.Faqs;
import com.northbeam.content.system.ContentProperties;
import com.northbeam.content.system.FieldError;
import com.northbeam.content.system.InvalidInputException;
import com.northbeam.content.system.VisibilityHorizon;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What readers can see: published articles, and scheduled ones whose time has come (so a
 * scheduled article goes live at its time without a job or a restart).
 */
@Service
@Transactional(readOnly = true)
public class PublishedArticles implements VisibilityHorizon {

	private final ArticleRepository articles;

	private final PublishedArticleRepository published;

	private final RelatedLinkRepository links;

	private final SlugHistoryRepository slugHistory;

	private final Faqs faqs;

	private final TocJson toc;

	private final Clock clock;

	private final ContentProperties.Listing listing;

	PublishedArticles(ArticleRepository articles, PublishedArticleRepository published, RelatedLinkRepository links,
			SlugHistoryRepository slugHistory, Faqs faqs, TocJson toc, Clock clock, ContentProperties properties) {
		this.articles = articles;
		this.published = published;
		this.links = links;
		this.slugHistory = slugHistory;
		this.faqs = faqs;
		this.toc = toc;
		this.clock = clock;
		this.listing = properties.listing();
	}

	public Optional<PublishedArticle> find(String slug) {
		Instant now = clock.instant();
		return articles.findBySlug(slug).filter((article) -> article.isVisibleAt(now)).map((article) -> {
			String seoTitle = (article.seoTitle() != null) ? article.seoTitle() : article.title();
			String seoDescription = (article.seoDescription() != null) ? article.seoDescription() : article.summary();
			return new PublishedArticle(article.slug(), article.kind(), article.title(), article.summary(),
					article.bodyHtml(), toc.read(article.tocJson()), faqs.forArticle(article.id(), article.slug()),
					links.related(article.id(), listing.minimumRelated(), now), articles.tags(article.id()),
					article.readingMinutes(), article.publishAt(), article.updatedAt(), article.author(), seoTitle,
					seoDescription);
		});
	}

	/** The current slug of a published article that {@code oldSlug} used to name. */
	Optional<SlugHistoryRepository.Moved> movedFrom(String oldSlug) {
		return slugHistory.currentSlugOfOldSlug(oldSlug, clock.instant());
	}

	/**
	 * Published articles, newest first, optionally of one kind and with one tag;
	 * {@code page} counts from 0.
	 */
	public ArticlePage<ArticleSummary> list(Kind kind, String tag, int page, int size) {
		List<FieldError> errors = new ArrayList<>();
		if (page < 0) {
			errors.add(new FieldError("page", "must be 0 or more"));
		}
		if (size < 1 || size > listing.maxPageSize()) {
			errors.add(new FieldError("size", "must be between 1 and " + listing.maxPageSize()));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Instant now = clock.instant();
		long total = published.countVisible(kind, tag, now);
		List<PublishedArticleRepository.Row> rows = published.visible(kind, tag, now,
				(int) Math.min(Integer.MAX_VALUE, (long) page * size), size);
		Map<Long, List<String>> tags = articles.tags(rows.stream().map(PublishedArticleRepository.Row::id).toList());
		List<ArticleSummary> items = rows.stream()
			.map((row) -> new ArticleSummary(row.slug(), row.kind(), row.title(), row.summary(),
					tags.getOrDefault(row.id(), List.of()), row.readingMinutes(), row.publishAt(), row.updatedAt()))
			.toList();
		return new ArticlePage<>(items, page, size, total, (int) ((total + size - 1) / size));
	}

	public List<SitemapEntry> sitemap() {
		return published.visible(null, null, clock.instant(), 0, Integer.MAX_VALUE)
			.stream()
			.map((row) -> new SitemapEntry(row.slug(), row.kind(), latest(row.updatedAt(), row.publishAt())))
			.toList();
	}

	public List<FeedEntry> feed() {
		return published.visible(null, null, clock.instant(), 0, listing.feedSize())
			.stream()
			.map((row) -> new FeedEntry(row.slug(), row.title(), row.summary(), row.publishAt(), row.updatedAt(),
					row.author()))
			.toList();
	}

	/** When readers last saw something change (an edit or a publication). */
	public Instant lastChange() {
		return published.lastVisibleChange(clock.instant()).orElse(Instant.EPOCH);
	}

	@Override
	public Optional<Instant> nextChangeAfter(Instant now) {
		return published.nextScheduled(now);
	}

	static Instant latest(Instant a, Instant b) {
		if (a == null) {
			return b;
		}
		return (b == null || a.isAfter(b)) ? a : b;
	}

}
