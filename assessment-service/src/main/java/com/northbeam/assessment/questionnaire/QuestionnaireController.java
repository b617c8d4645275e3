package com.northbeam.assessment.questionnaire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/questionnaires")
class QuestionnaireController {

	private final JsonNode current;

	QuestionnaireController(ObjectMapper json) {
		try (InputStream in = new ClassPathResource("questionnaire/v1.json").getInputStream()) {
			this.current = json.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@GetMapping("/current")
	JsonNode current() {
		return current;
	}

}
