package com.northbeam.gateway.site;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.northbeam.gateway.client.ContentClient;
import com.northbeam.gateway.client.ContentClient.ArticleLookup;
import com.northbeam.gateway.client.ContentClient.ArticlePage;
import com.northbeam.gateway.client.ContentClient.Faq;
import com.northbeam.gateway.client.ContentClient.FeedEntry;
import com.northbeam.gateway.client.ContentClient.SearchResults;
import com.northbeam.gateway.client.ContentClient.SitemapEntry;
import com.northbeam.gateway.client.ServiceUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Content as the site reads it: from a Caffeine cache in front of content-service. A copy
 * older than {@code refreshAfter} is still served at once while a background refresh
 * fetches a new one; when content-service is down the refresh fails and the copy keeps
 * being served, for up to {@code staleFor}. Only content never fetched before fails with
 * {@link ServiceUnavailableException}.
 */
@Component
public class SiteContent {

	static final int SEARCH_LIMIT = 20;

	private final LoadingCache<Key, Object> cache;

	/** Copies whose last refresh failed: they are served stale until one succeeds. */
	private final Set<Key> stale = ConcurrentHashMap.newKeySet();

	private final Counter staleServed;

	SiteContent(ContentClient content, ContentCacheProperties properties, MeterRegistry meters) {
		this.staleServed = Counter.builder("gateway.site.stale.served")
			.description("Content served from a stale copy because content-service could not refresh it")
			.register(meters);
		this.cache = Caffeine.newBuilder()
			.refreshAfterWrite(properties.refreshAfter())
			.expireAfterWrite(properties.staleFor())
			.maximumSize(properties.maximumEntries())
			.build(new CacheLoader<Key, Object>() {

				@Override
				public Object load(Key key) {
					Object fresh = SiteContent.load(content, key);
					stale.remove(key);
					return fresh;
				}

				@Override
				public Object reload(Key key, Object copy) {
					try {
						return load(key);
					}
					catch (RuntimeException ex) {
						stale.add(key);
						throw ex;
					}
				}

			});
	}

	public ArticleLookup article(String slug) {
		return (ArticleLookup) get(new Key(Kind.ARTICLE, slug, 0));
	}

	public ArticlePage articles(int page) {
		return (ArticlePage) get(new Key(Kind.ARTICLES, "", page));
	}

	@SuppressWarnings("unchecked")
	public List<Faq> faqs() {
		return (List<Faq>) get(new Key(Kind.FAQS, "", 0));
	}

	public SearchResults search(String query) {
		return (SearchResults) get(new Key(Kind.SEARCH, query, 0));
	}

	@SuppressWarnings("unchecked")
	public List<SitemapEntry> sitemap() {
		return (List<SitemapEntry>) get(new Key(Kind.SITEMAP, "", 0));
	}

	@SuppressWarnings("unchecked")
	public List<FeedEntry> feed() {
		return (List<FeedEntry>) get(new Key(Kind.FEED, "", 0));
	}

	/** Forgets every copy (tests, and an editor who wants a change live at once). */
	public void evictAll() {
		cache.invalidateAll();
	}

	private Object get(Key key) {
		Object value = cache.get(key);
		if (stale.contains(key)) {
			staleServed.increment();
		}
		return value;
	}

	private static Object load(ContentClient content, Key key) {
		return switch (key.kind()) {
			case ARTICLE -> content.article(key.text());
			// The site numbers pages from 1, content-service from 0.
			case ARTICLES -> content.articles(null, null, key.page() - 1, 50);
			case FAQS -> content.faqs();
			case SEARCH -> content.search(key.text(), SEARCH_LIMIT);
			case SITEMAP -> content.sitemap();
			case FEED -> content.feed();
		};
	}

	private enum Kind {

		ARTICLE, ARTICLES, FAQS, SEARCH, SITEMAP, FEED

	}

	private record Key(Kind kind, String text, int page) {
	}

}
