package com.northbeam.gateway.dashboard.content;

import java.util.List;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

import org.springframework.stereotype.Component;

/**
 * A preview of Markdown not saved yet, rendered the way content-service renders on save
 * (CommonMark with GitHub tables) and cleaned with the same kind of allow-list: no script,
 * frame, style, form or event attribute survives, links only http(s), mailto or relative. Saved
 * text is always shown as content-service rendered it.
 */
@Component
class MarkdownPreview {

	static final int MAX_LENGTH = 200_000;

	private static final String BASE_URI = "https://preview.invalid/";

	private static final Safelist SAFELIST = Safelist.relaxed()
		.addTags("hr", "del", "ins", "mark")
		.addAttributes("th", "align")
		.addAttributes("td", "align")
		.addAttributes("code", "class")
		.removeProtocols("a", "href", "ftp")
		.preserveRelativeLinks(true);

	private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

	private final List<Extension> extensions = List.of(TablesExtension.create());

	private final Parser parser = Parser.builder().extensions(extensions).build();

	private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(extensions).sanitizeUrls(true).build();

	/** Sanitised HTML for {@code markdown}; text beyond the longest accepted body is not rendered. */
	String render(String markdown) {
		if (markdown == null || markdown.isBlank()) {
			return "";
		}
		String source = (markdown.length() > MAX_LENGTH) ? markdown.substring(0, MAX_LENGTH) : markdown;
		return Jsoup.clean(renderer.render(parser.parse(source)), BASE_URI, SAFELIST, OUTPUT);
	}

}
