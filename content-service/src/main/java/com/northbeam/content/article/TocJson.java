package com.northbeam.content.article;

import java.util.List;

import com.northbeam.content.rendering.TocEntry;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/** The table of contents is stored as JSON next to the HTML it was derived from. */
@Component
class TocJson {

	private static final TypeReference<List<TocEntry>> TOC = new TypeReference<>() {
	};

	private final JsonMapper json;

	TocJson(JsonMapper json) {
		this.json = json;
	}

	String write(List<TocEntry> toc) {
		return json.writeValueAsString(toc);
	}

	List<TocEntry> read(String toc) {
		return json.readValue(toc, TOC);
	}

}
