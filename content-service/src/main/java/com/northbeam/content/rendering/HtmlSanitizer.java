package com.northbeam.content.rendering;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Allow-list sanitising of HTML that editors can influence: only text formatting, links,
 * images, lists and tables survive; no script, frame, style, form or event-handler
 * attribute, and links and images only with http(s)/mailto or relative URLs.
 */
public final class HtmlSanitizer {

	// Relative links are resolved against this base only to check them; they are kept
	// relative.
	private static final String BASE_URI = "https://content.invalid/";

	private static final Safelist SAFELIST = Safelist.relaxed()
		.addTags("hr", "del", "ins", "mark")
		.addAttributes("h1", "id")
		.addAttributes("h2", "id")
		.addAttributes("h3", "id")
		.addAttributes("h4", "id")
		.addAttributes("h5", "id")
		.addAttributes("h6", "id")
		.addAttributes("th", "align")
		.addAttributes("td", "align")
		.addAttributes("code", "class")
		.removeProtocols("a", "href", "ftp")
		.preserveRelativeLinks(true);

	private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

	public String sanitize(String html) {
		return Jsoup.clean(html, BASE_URI, SAFELIST, OUTPUT);
	}

}
