package com.northbeam.assessment.lead;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.northbeam.assessment.system.InvalidInputException;
import tools.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A prospect asks to talk to an expert after seeing their result (posted by the public
 * site with {@code submissions:write}). {@code preferredTimes} is free text, or a list of
 * free-text slots.
 */
@RestController
class ConsultationController {

	private final LeadIntake intake;

	ConsultationController(LeadIntake intake) {
		this.intake = intake;
	}

	record ConsultationRequest(JsonNode preferredTimes, String message, Screening screening) {
	}

	/**
	 * What the public site saw that looks automated; only {@code honeypot} applies to
	 * this form. A screened request is kept on the lead and notifies nobody.
	 */
	record Screening(List<String> reasons) {
	}

	record Requested(UUID submissionId, Instant requestedAt) {
	}

	@Operation(summary = "Records a prospect's request to talk to an expert (submissions:write)",
			description = "With screening.reasons [\"honeypot\"] the request is kept on the lead's timeline, "
					+ "marked as looking automated, and nobody is notified.")
	@PostMapping("/api/submissions/{id}/consultation")
	@ResponseStatus(HttpStatus.CREATED)
	Requested request(@PathVariable UUID id, @RequestBody ConsultationRequest request) {
		return new Requested(id, this.intake.requestConsultation(id, times(request.preferredTimes()), request.message(),
				looksAutomated(request.screening())));
	}

	private static boolean looksAutomated(Screening screening) {
		if (screening == null || screening.reasons() == null || screening.reasons().isEmpty()) {
			return false;
		}
		if (!screening.reasons().stream().allMatch("honeypot"::equals)) {
			throw InvalidInputException.of("screening.reasons", "must only name honeypot");
		}
		return true;
	}

	private static String times(JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return null;
		}
		if (node.isString()) {
			return node.asString();
		}
		if (node.isArray() && node.size() <= 20) {
			List<String> slots = new ArrayList<>();
			for (JsonNode slot : node) {
				if (!slot.isString()) {
					throw InvalidInputException.of("preferredTimes", "must be text or a list of texts");
				}
				slots.add(slot.asString().strip());
			}
			return String.join("; ", slots);
		}
		throw InvalidInputException.of("preferredTimes", "must be text or a list of at most 20 texts");
	}

}
