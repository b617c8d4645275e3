package com.northbeam.gateway.client;

import java.util.List;

import com.northbeam.gateway.client.ContentClient.Article;
import com.northbeam.gateway.client.ContentClient.ArticlePage;
import com.northbeam.gateway.client.ContentClient.Faq;
import com.northbeam.gateway.client.ContentClient.FeedEntry;
import com.northbeam.gateway.client.ContentClient.SearchResults;
import com.northbeam.gateway.client.ContentClient.SitemapEntry;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/** content-service's published content, read without a token. */
@HttpExchange("/api")
interface ContentApi {

	/** A moved article answers 301 with a body that carries only the new slug. */
	@GetExchange("/articles/{slug}")
	ResponseEntity<Article> article(@PathVariable String slug);

	@GetExchange("/articles")
	ArticlePage articles(@RequestParam int page, @RequestParam int size, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String tag);

	@GetExchange("/faqs")
	List<Faq> faqs();

	@GetExchange("/search")
	SearchResults search(@RequestParam("q") String query, @RequestParam int limit);

	@GetExchange("/sitemap")
	List<SitemapEntry> sitemap();

	@GetExchange("/feed")
	List<FeedEntry> feed();

}
