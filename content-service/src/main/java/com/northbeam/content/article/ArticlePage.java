package com.northbeam.content.article;

import java.util.List;

/** A page of a list; {@code page} counts from 0. */
public record ArticlePage<T>(List<T> items, int page, int size, long totalItems, int totalPages) {
}
