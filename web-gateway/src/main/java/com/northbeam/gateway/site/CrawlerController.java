package com.northbeam.gateway.site;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.northbeam.gateway.client.ContentClient.FeedEntry;
import com.northbeam.gateway.client.ContentClient.SitemapEntry;
import com.northbeam.gateway.system.Formats;
import com.northbeam.gateway.system.PublicSite;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * What crawlers and feed readers fetch: {@code robots.txt}, {@code sitemap.xml} and
 * {@code feed.xml}.
 */
@Controller
class CrawlerController {

	static final List<String> STATIC_PAGES = List.of("/", "/articles", "/faq", "/assessment", "/privacy");

	private static final CacheControl ONE_HOUR = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

	private final SiteContent content;

	private final PublicSite site;

	private final Formats formats;

	CrawlerController(SiteContent content, PublicSite site, Formats formats) {
		this.content = content;
		this.site = site;
		this.formats = formats;
	}

	@GetMapping(path = "/robots.txt", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<String> robots() {
		String body = """
				User-agent: *
				Allow: /
				Disallow: /dashboard
				Disallow: /login
				Disallow: /assessment/result/
				Disallow: /api/

				Sitemap: %s
				""".formatted(site.url("/sitemap.xml"));
		return ResponseEntity.ok().cacheControl(ONE_HOUR).body(body);
	}

	@GetMapping(path = "/sitemap.xml", produces = MediaType.APPLICATION_XML_VALUE)
	ResponseEntity<String> sitemap() {
		StringBuilder xml = new StringBuilder("""
				<?xml version="1.0" encoding="UTF-8"?>
				<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
				""");
		for (String path : STATIC_PAGES) {
			xml.append("  <url><loc>").append(escape(site.url(path))).append("</loc></url>\n");
		}
		for (SitemapEntry entry : content.sitemap()) {
			xml.append("  <url><loc>").append(escape(site.url("/articles/" + entry.slug()))).append("</loc>");
			if (entry.updatedAt() != null) {
				xml.append("<lastmod>").append(formats.isoDate(entry.updatedAt())).append("</lastmod>");
			}
			xml.append("</url>\n");
		}
		xml.append("</urlset>\n");
		return ResponseEntity.ok().cacheControl(ONE_HOUR).body(xml.toString());
	}

	@GetMapping(path = "/feed.xml", produces = "application/atom+xml")
	ResponseEntity<String> feed() {
		List<FeedEntry> entries = content.feed();
		Instant updated = entries.stream()
			.map((entry) -> (entry.updatedAt() != null) ? entry.updatedAt() : entry.publishedAt())
			.filter((instant) -> instant != null)
			.max(Instant::compareTo)
			.orElse(Instant.EPOCH);
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
			.append("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
			.append("  <title>")
			.append(escape(site.organization()))
			.append("</title>\n")
			.append("  <id>")
			.append(escape(site.url("/feed.xml")))
			.append("</id>\n")
			.append("  <link rel=\"self\" href=\"")
			.append(escape(site.url("/feed.xml")))
			.append("\"/>\n")
			.append("  <link rel=\"alternate\" type=\"text/html\" href=\"")
			.append(escape(site.url("/")))
			.append("\"/>\n")
			.append("  <updated>")
			.append(formats.iso(updated))
			.append("</updated>\n")
			.append("  <author><name>")
			.append(escape(site.organization()))
			.append("</name></author>\n");
		for (FeedEntry entry : entries) {
			String url = site.url("/articles/" + entry.slug());
			Instant entryUpdated = (entry.updatedAt() != null) ? entry.updatedAt()
					: (entry.publishedAt() != null) ? entry.publishedAt() : updated;
			xml.append("  <entry>\n")
				.append("    <title>")
				.append(escape(entry.title()))
				.append("</title>\n")
				.append("    <link href=\"")
				.append(escape(url))
				.append("\"/>\n")
				.append("    <id>")
				.append(escape(url))
				.append("</id>\n")
				.append("    <updated>")
				.append(formats.iso(entryUpdated))
				.append("</updated>\n");
			if (entry.publishedAt() != null) {
				xml.append("    <published>").append(formats.iso(entry.publishedAt())).append("</published>\n");
			}
			if (entry.author() != null && !entry.author().isBlank()) {
				xml.append("    <author><name>").append(escape(entry.author())).append("</name></author>\n");
			}
			xml.append("    <summary>").append(escape(entry.summary())).append("</summary>\n").append("  </entry>\n");
		}
		xml.append("</feed>\n");
		return ResponseEntity.ok().cacheControl(ONE_HOUR).body(xml.toString());
	}

	private static String escape(String text) {
		return (text != null) ? HtmlUtils.htmlEscape(text, "UTF-8") : "";
	}

}
