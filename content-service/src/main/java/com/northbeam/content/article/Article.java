package com.northbeam.content.article;

import java.time.Instant;

/** A published piece of writing as readers receive it. */
public record Article(String slug, String title, String summary, String html, Instant updatedAt) {
}
