package com.northbeam.content.search;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.northbeam.content.article.ArticleMatch;
import com.northbeam.content.article.ArticleSearch;
import com.northbeam.content.system.FieldError;
import com.northbeam.content.system.InvalidInputException;
import com.northbeam.content.system.PublicResponses;
import com.northbeam.content.system.PublicResponses.Representation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Full-text search over published content (public); the article feature finds the
 * matches.
 */
@RestController
class SearchController {

	static final int MAX_QUERY = 200;

	static final int MAX_LIMIT = 50;

	private final ArticleSearch articles;

	private final PublicResponses responses;

	private final Clock clock;

	SearchController(ArticleSearch articles, PublicResponses responses, Clock clock) {
		this.articles = articles;
		this.responses = responses;
		this.clock = clock;
	}

	@GetMapping("/api/search")
	@Operation(summary = "Search published articles, best match first (public)",
			responses = @ApiResponse(responseCode = "200",
					content = @Content(schema = @Schema(implementation = SearchResults.class))))
	ResponseEntity<byte[]> search(@RequestParam(required = false) String q,
			@RequestParam(defaultValue = "10") int limit) {
		String query = (q != null) ? q.strip().replaceAll("\\s+", " ") : "";
		List<FieldError> errors = new ArrayList<>();
		if (query.isEmpty() || query.length() > MAX_QUERY) {
			errors.add(new FieldError("q", "must be between 1 and " + MAX_QUERY + " characters"));
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			errors.add(new FieldError("limit", "must be between 1 and " + MAX_LIMIT));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		String key = "search:" + limit + ":" + query;
		return responses.serve(key, () -> {
			Instant now = clock.instant();
			List<SearchResult> results = articles.search(query, limit, now)
				.stream()
				.map(SearchController::result)
				.toList();
			return Representation.of(new SearchResults(query, results), now);
		});
	}

	private static SearchResult result(ArticleMatch match) {
		return new SearchResult(match.slug(), match.kind().code(), match.title(), match.summary(), match.snippetHtml(),
				match.rank());
	}

}
