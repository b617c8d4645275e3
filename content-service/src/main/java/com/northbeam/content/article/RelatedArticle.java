package com.northbeam.content.article;

/** A link to further reading. */
public record RelatedArticle(String slug, String title, String summary, Kind kind) {
}
