package com.northbeam.gateway.site;

import java.util.Optional;

import com.northbeam.gateway.client.AssessmentClient;
import com.northbeam.gateway.client.ContentClient;
import com.northbeam.gateway.client.ServiceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: the main guide and the way into the assessment. */
@Controller
class HomeController {

	static final String MAIN_GUIDE = "co-managed-vs-fully-managed-it";

	private static final Logger log = LoggerFactory.getLogger(HomeController.class);

	private final ContentClient content;

	private final AssessmentClient assessment;

	HomeController(ContentClient content, AssessmentClient assessment) {
		this.content = content;
		this.assessment = assessment;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("guide", mainGuide().orElse(null));
		model.addAttribute("questionCount", questionCount().orElse(null));
		return "site/home";
	}

	private Optional<ContentClient.Article> mainGuide() {
		try {
			return content.article(MAIN_GUIDE);
		}
		catch (ServiceUnavailableException ex) {
			log.warn("Home page without the guide: {}", ex.getMessage());
			return Optional.empty();
		}
	}

	private Optional<Integer> questionCount() {
		try {
			return Optional.of(assessment.currentQuestionnaire().questions().size());
		}
		catch (ServiceUnavailableException ex) {
			log.warn("Home page without the question count: {}", ex.getMessage());
			return Optional.empty();
		}
	}

}
