package com.northbeam.gateway.site;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.northbeam.gateway.client.ContentClient.Faq;
import com.northbeam.gateway.client.ContentClient.SearchResults;
import com.northbeam.gateway.system.JsonLd;
import com.northbeam.gateway.system.PageMeta;
import com.northbeam.gateway.system.PublicSite;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The FAQ page, search and the privacy page. */
@Controller
class PagesController {

	static final int MAX_QUERY_LENGTH = 200;

	private final SiteContent content;

	private final MessageSource messages;

	private final PublicSite site;

	private final JsonLd jsonLd;

	PagesController(SiteContent content, MessageSource messages, PublicSite site, JsonLd jsonLd) {
		this.content = content;
		this.messages = messages;
		this.site = site;
		this.jsonLd = jsonLd;
	}

	@GetMapping("/faq")
	String faq(Model model) {
		List<Faq> faqs = content.faqs();
		Map<String, String> questions = new LinkedHashMap<>();
		faqs.forEach((faq) -> questions.put(faq.question(), faq.answerHtml()));
		Map<String, String> crumbs = new LinkedHashMap<>();
		crumbs.put(text("nav.home"), "/");
		crumbs.put(text("faq.heading"), "/faq");
		model.addAttribute("meta", PageMeta.of(text("faq.title"), text("faq.description"), site.url("/faq"))
			.withJsonLd(jsonLd.graph(List.of(jsonLd.faqPage(questions), jsonLd.breadcrumbs(crumbs)))));
		model.addAttribute("faqs", faqs);
		return "site/faq";
	}

	@GetMapping("/search")
	String search(@RequestParam(name = "q", required = false) String query, Model model) {
		String q = (query != null) ? query.strip() : "";
		if (q.chars().anyMatch(Character::isISOControl)) {
			// content-service refuses them (PostgreSQL stores no NUL); a refusal is the
			// reader's 400, not a fault of ours.
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "search text holds control characters");
		}
		if (q.length() > MAX_QUERY_LENGTH) {
			q = q.substring(0, MAX_QUERY_LENGTH);
		}
		SearchResults results = q.isEmpty() ? new SearchResults("", List.of()) : content.search(q);
		// Result pages are endless variations: searchable, but not indexable.
		model.addAttribute("meta",
				PageMeta.of(text("search.title"), text("search.description"), site.url("/search")).noindex());
		model.addAttribute("query", q);
		model.addAttribute("results", results);
		return "site/search";
	}

	@GetMapping("/privacy")
	String privacy(Model model) {
		model.addAttribute("meta",
				PageMeta.of(text("privacy.title"), text("privacy.description"), site.url("/privacy")));
		model.addAttribute("contactEmail", site.contactEmail());
		return "site/privacy";
	}

	private String text(String code) {
		return messages.getMessage(code, null, LocaleContextHolder.getLocale());
	}

}
