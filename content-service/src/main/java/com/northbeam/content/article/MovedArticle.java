package com.northbeam.content.article;

/** The body of a {@code 301} for an old slug: the article's current slug. */
public record MovedArticle(String slug) {
}
