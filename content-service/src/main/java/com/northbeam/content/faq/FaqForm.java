package com.northbeam.content.faq;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an editor sends to create or update an FAQ. {@code answer} is Markdown;
 * {@code articleSlug} (optional) attaches it to an article; {@code version} is required
 * on update.
 */
public record FaqForm(@NotBlank @Size(max = 300) String question, @NotBlank @Size(max = 20_000) String answer,
		@NotNull @Min(0) Integer position,
		@Pattern(regexp = "^[a-z0-9]+(?:-[a-z0-9]+)*$", message = "must be the slug of an article") String articleSlug,
		Integer version) {
}
