package com.northbeam.gateway.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Builds the structured data (schema.org JSON-LD) that pages embed for search engines.
 */
@Component
public class JsonLd {

	private final JsonMapper json = JsonMapper.builder().build();

	private final PublicSite site;

	JsonLd(PublicSite site) {
		this.site = site;
	}

	/** A graph of the organisation plus the given nodes, as safe-to-embed JSON. */
	public String graph(List<Map<String, Object>> nodes) {
		List<Map<String, Object>> graph = new ArrayList<>();
		graph.add(organization());
		graph.addAll(nodes);
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("@context", "https://schema.org");
		document.put("@graph", graph);
		// "</" would end the script element early; JSON allows "<\/" instead.
		return json.writeValueAsString(document).replace("</", "<\\/");
	}

	public Map<String, Object> organization() {
		Map<String, Object> organization = node("Organization");
		organization.put("@id", site.url("/#organization"));
		organization.put("name", site.organization());
		organization.put("url", site.url("/"));
		organization.put("logo", site.url("/icons/logo.svg"));
		return organization;
	}

	/** {@code image}: the article's picture, or {@code null}. */
	public Map<String, Object> article(String path, String headline, String description, String author,
			String published, String modified, PageMeta.Image image) {
		Map<String, Object> article = node("Article");
		article.put("headline", headline);
		article.put("description", description);
		article.put("mainEntityOfPage", site.url(path));
		if (image != null) {
			Map<String, Object> picture = node("ImageObject");
			picture.put("url", image.url());
			picture.put("width", image.width());
			picture.put("height", image.height());
			article.put("image", picture);
		}
		if (published != null && !published.isEmpty()) {
			article.put("datePublished", published);
		}
		if (modified != null && !modified.isEmpty()) {
			article.put("dateModified", modified);
		}
		Map<String, Object> by = node((author != null && !author.isBlank()) ? "Person" : "Organization");
		by.put("name", (author != null && !author.isBlank()) ? author : site.organization());
		article.put("author", by);
		article.put("publisher", Map.of("@id", site.url("/#organization")));
		return article;
	}

	/**
	 * {@code questionsAndAnswers}: question → answer text (HTML is allowed by
	 * schema.org).
	 */
	public Map<String, Object> faqPage(Map<String, String> questionsAndAnswers) {
		Map<String, Object> page = node("FAQPage");
		List<Map<String, Object>> entities = new ArrayList<>();
		questionsAndAnswers.forEach((question, answer) -> {
			Map<String, Object> entity = node("Question");
			entity.put("name", question);
			Map<String, Object> accepted = node("Answer");
			accepted.put("text", answer);
			entity.put("acceptedAnswer", accepted);
			entities.add(entity);
		});
		page.put("mainEntity", entities);
		return page;
	}

	/** {@code crumbs}: name → path, in order from the home page. */
	public Map<String, Object> breadcrumbs(Map<String, String> crumbs) {
		Map<String, Object> list = node("BreadcrumbList");
		List<Map<String, Object>> items = new ArrayList<>();
		int position = 1;
		for (Map.Entry<String, String> crumb : crumbs.entrySet()) {
			Map<String, Object> item = node("ListItem");
			item.put("position", position++);
			item.put("name", crumb.getKey());
			item.put("item", site.url(crumb.getValue()));
			items.add(item);
		}
		list.put("itemListElement", items);
		return list;
	}

	private static Map<String, Object> node(String type) {
		Map<String, Object> node = new LinkedHashMap<>();
		node.put("@type", type);
		return node;
	}

}
