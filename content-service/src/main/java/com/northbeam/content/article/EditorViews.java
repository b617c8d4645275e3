package com.northbeam.content.article;

import java.time.Clock;
import java.time.Instant;

import com.northbeam.content.system.NotFoundException;

import org.springframework.stereotype.Component;

/**
 * Loads an article and assembles what an editor sees of it: tags, curated links, old
 * slugs included.
 */
@Component
class EditorViews {

	private final ArticleRepository articles;

	private final RelatedLinkRepository related;

	private final SlugHistoryRepository slugHistory;

	private final TocJson toc;

	private final Clock clock;

	EditorViews(ArticleRepository articles, RelatedLinkRepository related, SlugHistoryRepository slugHistory,
			TocJson toc, Clock clock) {
		this.articles = articles;
		this.related = related;
		this.slugHistory = slugHistory;
		this.toc = toc;
		this.clock = clock;
	}

	StoredArticle load(long id) {
		return articles.findById(id).orElseThrow(() -> new NotFoundException("No article " + id));
	}

	EditorArticle view(long id) {
		return view(load(id));
	}

	EditorArticle view(StoredArticle article) {
		Instant now = clock.instant();
		return new EditorArticle(article.id(), article.slug(), article.kind(), article.title(), article.summary(),
				article.bodyMarkdown(), article.bodyHtml(), toc.read(article.tocJson()), articles.tags(article.id()),
				related.curatedSlugs(article.id()), slugHistory.previousSlugs(article.id()),
				article.effectiveStatus(now), article.status(), article.publishAt(), article.author(),
				article.seoTitle(), article.seoDescription(), article.readingMinutes(), article.createdAt(),
				article.updatedAt(), article.version());
	}

}
