package com.northbeam.content.article;

import org.springframework.web.util.HtmlUtils;

/**
 * Turns text with match markers into safe HTML: everything is escaped, then the markers
 * become {@code <mark>} tags, so no other markup can get through.
 */
final class Snippets {

	static final char START = '\u0002';

	static final char STOP = '\u0003';

	private Snippets() {
	}

	static String toHtml(String marked) {
		return HtmlUtils.htmlEscape(marked)
			.replace(String.valueOf(START), "<mark>")
			.replace(String.valueOf(STOP), "</mark>");
	}

	/** Text as stored can never carry the markers itself. */
	static String withoutMarkers(String text) {
		return text.replace(String.valueOf(START), "").replace(String.valueOf(STOP), "");
	}

}
