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
 * @param image the picture link previews show, or {@code null}
 */
public record PageMeta(String title, String description, String canonicalUrl, String ogType, boolean indexable,
		String jsonLd, Image image) {

	public PageMeta(String title, String description, String canonicalUrl, String ogType, boolean indexable,
			String jsonLd) {
		this(title, description, canonicalUrl, ogType, indexable, jsonLd, null);
	}

	public static PageMeta of(String title, String description, String canonicalUrl) {
		return new PageMeta(title, description, canonicalUrl, "website", true, null, null);
	}

	public PageMeta noindex() {
		return new PageMeta(title, description, canonicalUrl, ogType, false, jsonLd, image);
	}

	public PageMeta article() {
		return new PageMeta(title, description, canonicalUrl, "article", indexable, jsonLd, image);
	}

	public PageMeta withJsonLd(String json) {
		return new PageMeta(title, description, canonicalUrl, ogType, indexable, json, image);
	}

	public PageMeta withImage(Image picture) {
		return new PageMeta(title, description, canonicalUrl, ogType, indexable, jsonLd, picture);
	}

	/**
	 * A page's picture for link previews.
	 *
	 * @param url its absolute URL
	 * @param width its width in pixels
	 * @param height its height in pixels
	 * @param alt what it shows, for readers who cannot see it
	 */
	public record Image(String url, int width, int height, String alt) {
	}

}
