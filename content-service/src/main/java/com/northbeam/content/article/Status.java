package com.northbeam.content.article;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where an article is in its life. A scheduled article is visible from its publish time
 * on, without any job having to run.
 */
public enum Status {

	DRAFT, SCHEDULED, PUBLISHED, ARCHIVED;

	@JsonValue
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	@JsonCreator
	public static Status fromCode(String code) {
		return valueOf(code.toUpperCase(Locale.ROOT));
	}

}
