package com.northbeam.content.article;

/**
 * The shape of a slug (and of a tag): lower-case letters and digits, words joined by
 * single dashes.
 */
final class Slugs {

	static final String PATTERN = "^[a-z0-9]+(?:-[a-z0-9]+)*$";

	static final String MESSAGE = "must be lower-case letters, digits and single dashes, e.g. my-article-2";

	private Slugs() {
	}

}
