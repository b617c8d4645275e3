package com.northbeam.content.article;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import com.northbeam.content.system.ContentChangedEvent;
import com.northbeam.content.system.FieldError;
import com.northbeam.content.system.InvalidInputException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The curated related articles an editor sets for an article, in reading order; readers
 * see them topped up from shared tags ({@link PublishedArticles}).
 */
@Service
@Transactional
public class RelatedLinks {

	private final ArticleRepository articles;

	private final RelatedLinkRepository links;

	private final EditorViews views;

	private final ApplicationEventPublisher events;

	RelatedLinks(ArticleRepository articles, RelatedLinkRepository links, EditorViews views,
			ApplicationEventPublisher events) {
		this.articles = articles;
		this.links = links;
		this.views = views;
		this.events = events;
	}

	/** Replaces the curated related articles; every slug must name another article. */
	public EditorArticle replace(long id, RelatedForm form) {
		StoredArticle current = views.load(id);
		List<FieldError> errors = new ArrayList<>();
		List<Long> relatedIds = new ArrayList<>();
		LinkedHashSet<String> seen = new LinkedHashSet<>();
		for (int i = 0; i < form.slugs().size(); i++) {
			String slug = form.slugs().get(i);
			String field = "slugs[" + i + "]";
			if (slug == null || !seen.add(slug)) {
				errors.add(new FieldError(field, "must be given once"));
				continue;
			}
			Long relatedId = articles.idOf(slug).orElse(null);
			if (relatedId == null) {
				errors.add(new FieldError(field, "no article has the slug '" + slug + "'"));
			}
			else if (relatedId == id) {
				errors.add(new FieldError(field, "an article cannot be related to itself"));
			}
			else {
				relatedIds.add(relatedId);
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		links.replaceRelated(id, relatedIds);
		events.publishEvent(new ContentChangedEvent("article " + id));
		return views.view(current);
	}

}
