package com.northbeam.content.article;

import java.util.Locale;

import com.northbeam.content.system.InvalidInputException;
import com.northbeam.content.system.NotFoundException;
import com.northbeam.content.system.PublicResponses;
import com.northbeam.content.system.PublicResponses.Representation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public reads of published articles; every answer carries ETag, Last-Modified and
 * Cache-Control.
 */
@RestController
class ArticleController {

	private final PublishedArticles articles;

	private final PublicResponses responses;

	ArticleController(PublishedArticles articles, PublicResponses responses) {
		this.articles = articles;
		this.responses = responses;
	}

	@GetMapping("/api/articles/{slug}")
	@Operation(summary = "One published article by slug (public)",
			responses = {
					@ApiResponse(responseCode = "200",
							content = @Content(schema = @Schema(implementation = PublishedArticle.class))),
					@ApiResponse(responseCode = "301", description = "An old slug: Location names the current one",
							headers = @Header(name = "Location"),
							content = @Content(schema = @Schema(implementation = MovedArticle.class))),
					@ApiResponse(responseCode = "404", description = "No published article has this slug",
							content = @Content(mediaType = "application/problem+json")) })
	ResponseEntity<byte[]> article(@PathVariable String slug) {
		return responses.serve("article:" + slug,
				() -> articles.find(slug)
					.map((article) -> Representation.of(article,
							PublishedArticles.latest(article.updatedAt(), article.publishedAt())))
					.or(() -> articles.movedFrom(slug)
						.map((moved) -> Representation.moved("/api/articles/" + moved.slug(),
								new MovedArticle(moved.slug()), moved.since())))
					.orElseThrow(() -> new NotFoundException("No published article has the slug '" + slug + "'")));
	}

	@GetMapping("/api/articles")
	@Operation(summary = "Published articles, newest first, paged from page 0 (public)",
			responses = @ApiResponse(responseCode = "200",
					content = @Content(schema = @Schema(implementation = ArticlePage.class))))
	ResponseEntity<byte[]> list(@RequestParam(required = false) String kind, @RequestParam(required = false) String tag,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		Kind wanted = kindOf(kind);
		String key = "list:" + wanted + ":" + tag + ":" + page + ":" + size;
		return responses.serve(key,
				() -> Representation.of(articles.list(wanted, blankToNull(tag), page, size), articles.lastChange()));
	}

	@GetMapping("/api/sitemap")
	@Operation(summary = "Every published article, for sitemap.xml (public)",
			responses = @ApiResponse(responseCode = "200",
					content = @Content(array = @ArraySchema(schema = @Schema(implementation = SitemapEntry.class)))))
	ResponseEntity<byte[]> sitemap() {
		return responses.serve("sitemap", () -> Representation.of(articles.sitemap(), articles.lastChange()));
	}

	@GetMapping("/api/feed")
	@Operation(summary = "The latest published articles, for feed.xml (public)",
			responses = @ApiResponse(responseCode = "200",
					content = @Content(array = @ArraySchema(schema = @Schema(implementation = FeedEntry.class)))))
	ResponseEntity<byte[]> feed() {
		return responses.serve("feed", () -> Representation.of(articles.feed(), articles.lastChange()));
	}

	private static Kind kindOf(String kind) {
		if (kind == null || kind.isBlank()) {
			return null;
		}
		try {
			return Kind.fromCode(kind.strip().toLowerCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("kind", "must be one of guide, article, page");
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
