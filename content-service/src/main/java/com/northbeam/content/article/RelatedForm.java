package com.northbeam.content.article;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The curated related articles of an article, by slug, in reading order. */
public record RelatedForm(@NotNull @Size(max = 12) List<String> slugs) {
}
