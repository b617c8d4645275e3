package com.northbeam.content.article;

import java.time.Instant;
import java.util.List;

import com.northbeam.content.faq.Faq;
import com.northbeam.content.rendering.TocEntry;

/**
 * A published article as readers receive it: rendered HTML, table of contents, FAQs and
 * related reading.
 */
public record PublishedArticle(String slug, Kind kind, String title, String summary, String html, List<TocEntry> toc,
		List<Faq> faqs, List<RelatedArticle> related, List<String> tags, int readingMinutes, Instant publishedAt,
		Instant updatedAt, String author, String seoTitle, String seoDescription) {
}
