package com.northbeam.gateway.site;

import java.util.List;
import java.util.Optional;

import com.northbeam.gateway.client.ContentClient.ArticleLookup;
import com.northbeam.gateway.client.ContentClient;
import com.northbeam.gateway.client.CurrentQuestionnaire;
import com.northbeam.gateway.client.ServiceUnavailableException;
import com.northbeam.gateway.system.JsonLd;
import com.northbeam.gateway.system.PageMeta;
import com.northbeam.gateway.system.PublicSite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: what we offer, the main guide and the way into the assessment. */
@Controller
class HomeController {

	static final String MAIN_GUIDE = "co-managed-vs-fully-managed-it";

	private static final Logger log = LoggerFactory.getLogger(HomeController.class);

	private final SiteContent content;

	private final CurrentQuestionnaire questionnaire;

	private final MessageSource messages;

	private final PublicSite site;

	private final JsonLd jsonLd;

	HomeController(SiteContent content, CurrentQuestionnaire questionnaire, MessageSource messages, PublicSite site,
			JsonLd jsonLd) {
		this.content = content;
		this.questionnaire = questionnaire;
		this.messages = messages;
		this.site = site;
		this.jsonLd = jsonLd;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("meta", PageMeta.of(text("home.title"), text("home.description"), site.url("/"))
			.withJsonLd(jsonLd.graph(List.of())));
		model.addAttribute("guide", mainGuide().orElse(null));
		model.addAttribute("questionCount", questionCount().orElse(null));
		return "site/home";
	}

	private Optional<ContentClient.Article> mainGuide() {
		try {
			return (content.article(MAIN_GUIDE) instanceof ArticleLookup.Found found) ? Optional.of(found.article())
					: Optional.empty();
		}
		catch (ServiceUnavailableException ex) {
			log.warn("Home page without the guide: {}", ex.getMessage());
			return Optional.empty();
		}
	}

	private Optional<Integer> questionCount() {
		try {
			return Optional.of(questionnaire.get().questions().size());
		}
		catch (ServiceUnavailableException ex) {
			log.warn("Home page without the question count: {}", ex.getMessage());
			return Optional.empty();
		}
	}

	private String text(String code) {
		return messages.getMessage(code, null, LocaleContextHolder.getLocale());
	}

}
