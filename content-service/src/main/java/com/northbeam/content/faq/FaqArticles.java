package com.northbeam.content.faq;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * What FAQs need to know of the articles they are attached to. The article feature owns
 * those and implements this; it also shows each article's FAQs, so FAQs cannot call it
 * directly without a cycle.
 */
public interface FaqArticles {

	/** The id of the article with this slug, whatever its status. */
	Optional<Long> idOf(String slug);

	/** The slugs of the articles with these ids, whatever their status. */
	Map<Long, String> slugsOf(Collection<Long> articleIds);

	/** The slugs of the articles with these ids that readers can see at {@code now}. */
	Map<Long, String> visibleSlugsOf(Collection<Long> articleIds, Instant now);

}
