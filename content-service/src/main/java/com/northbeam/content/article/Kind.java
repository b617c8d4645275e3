package com.northbeam.content.article;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a piece of writing is: the main guide, a related article, or a page (such as "IT
 * services").
 */
public enum Kind {

	GUIDE, ARTICLE, PAGE;

	@JsonValue
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	@JsonCreator
	public static Kind fromCode(String code) {
		return valueOf(code.toUpperCase(Locale.ROOT));
	}

}
