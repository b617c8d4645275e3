package com.northbeam.content.article;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an editor sends to create or update an article. {@code version} is required on
 * update (optimistic locking) and ignored on create.
 */
public record ArticleForm(
		@NotBlank @Size(max = 120) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE) String slug,
		@NotNull Kind kind, @NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 500) String summary,
		@NotNull @Size(max = ArticleForm.MAX_BODY, message = "must be at most {max} characters") String body,
		@Size(max = 12) List<@NotBlank @Size(max = 60) @Pattern(regexp = Slugs.PATTERN,
				message = "must be lower-case letters, digits and single dashes") String> tags,
		@Size(max = 120) String author, @Size(max = 200) String seoTitle, @Size(max = 320) String seoDescription,
		Integer version) {

	/** The longest Markdown body accepted, in characters. */
	public static final int MAX_BODY = 200_000;

	List<String> tagsOrEmpty() {
		return (tags != null) ? tags.stream().distinct().toList() : List.of();
	}

}
