package com.northbeam.content.article;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/articles")
class ArticleController {

	private final ArticleRepository articles;

	ArticleController(ArticleRepository articles) {
		this.articles = articles;
	}

	@GetMapping("/{slug}")
	Article article(@PathVariable String slug) {
		return articles.findBySlug(slug)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No published article '" + slug + "'"));
	}

}
