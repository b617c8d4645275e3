package com.northbeam.content.article;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import com.northbeam.content.faq.FaqArticles;

import org.springframework.stereotype.Component;

/**
 * Tells the FAQ feature which article a slug names and which slugs its FAQs' articles
 * have.
 */
@Component
class ArticlesForFaqs implements FaqArticles {

	private final ArticleRepository articles;

	ArticlesForFaqs(ArticleRepository articles) {
		this.articles = articles;
	}

	@Override
	public Optional<Long> idOf(String slug) {
		return articles.idOf(slug);
	}

	@Override
	public Map<Long, String> slugsOf(Collection<Long> articleIds) {
		return articles.slugs(articleIds);
	}

	@Override
	public Map<Long, String> visibleSlugsOf(Collection<Long> articleIds, Instant now) {
		return articles.visibleSlugs(articleIds, now);
	}

}
