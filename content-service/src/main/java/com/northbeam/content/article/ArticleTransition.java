package com.northbeam.content.article;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;

/**
 * Moves an article to another status. {@code version} is the version the editor saw;
 * {@code publishAt} is needed only to schedule.
 */
public record ArticleTransition(@NotNull Integer version, Instant publishAt) {
}
