package com.northbeam.content.article;

import java.time.Instant;

/** What the gateway needs to list a published article in {@code sitemap.xml}. */
public record SitemapEntry(String slug, Kind kind, Instant updatedAt) {
}
