package com.northbeam.assessment.questionnaire;

import java.time.Duration;

import com.northbeam.assessment.system.NotFoundException;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Serves the published questionnaire versions to anyone. */
@RestController
@RequestMapping("/api/questionnaires")
class QuestionnaireController {

	private final Questionnaires questionnaires;

	QuestionnaireController(Questionnaires questionnaires) {
		this.questionnaires = questionnaires;
	}

	@GetMapping("/current")
	@Operation(summary = "The questionnaire version new submissions use, with its consent text (public)")
	ResponseEntity<Questionnaire> current() {
		// The current version may change when a new one is published, so caches
		// revalidate soon.
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)))
			.body(this.questionnaires.current());
	}

	@GetMapping("/{version:\\d{1,9}}")
	@Operation(summary = "One published questionnaire version (public)")
	ResponseEntity<Questionnaire> version(@PathVariable int version) {
		Questionnaire questionnaire = this.questionnaires.version(version)
			.orElseThrow(() -> new NotFoundException("There is no questionnaire version " + version));
		// A published version never changes.
		return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofDays(1))).body(questionnaire);
	}

}
