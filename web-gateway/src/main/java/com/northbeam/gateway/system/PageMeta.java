package com.northbeam.gateway.system;

/**
 * What a page tells browsers, search engines and link previews about itself.
 *
 * @param title the unique page title
 * @param description the unique meta description
 * @param canonicalUrl the absolute canonical URL
 * @param ogType the Open Graph type ({@code website} or {@code article})
 * @param indexable whether search engines may index the page
 * @param jsonLd the page's JSON-LD graph, already serialised, or {@code null}
 */
public record PageMeta(String title, String description, String canonicalUrl, String ogType, boolean indexable,
		String jsonLd) {

	public static PageMeta of(String title, String description, String canonicalUrl) {
		return new PageMeta(title, description, canonicalUrl, "website", true, null);
	}

	public PageMeta noindex() {
		return new PageMeta(title, description, canonicalUrl, ogType, false, jsonLd);
	}

	public PageMeta article() {
		return new PageMeta(title, description, canonicalUrl, "article", indexable, jsonLd);
	}

	public PageMeta withJsonLd(String json) {
		return new PageMeta(title, description, canonicalUrl, ogType, indexable, json);
	}

}
