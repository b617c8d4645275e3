package com.northbeam.assessment.submission;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.northbeam.assessment.system.NotFoundException;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins rescore stored submissions with the newest rules and see every result a
 * submission had.
 */
@RestController
@RequestMapping("/api/admin/submissions")
class AdminSubmissionController {

	private final Submissions submissions;

	private final Rescores rescores;

	AdminSubmissionController(Submissions submissions, Rescores rescores) {
		this.submissions = submissions;
		this.rescores = rescores;
	}

	@Operation(summary = "Rescores every submission not yet scored with the newest rules (admin)")
	@PostMapping("/rescore")
	Map<String, Integer> rescoreAll(@AuthenticationPrincipal Jwt caller) {
		return Map.of("rescored", this.rescores.rescoreAll(caller.getSubject()));
	}

	@Operation(summary = "Rescores one submission with the newest rules (admin)")
	@PostMapping("/{id}/rescore")
	ResponseEntity<String> rescore(@PathVariable UUID id, @AuthenticationPrincipal Jwt caller) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.body(this.rescores.rescore(id, caller.getSubject()));
	}

	@Operation(summary = "Every result a submission has had (admin)")
	@GetMapping("/{id}/results")
	ResponseEntity<String> results(@PathVariable UUID id) {
		List<String> results = this.submissions.results(id);
		if (results.isEmpty()) {
			throw new NotFoundException("There is no submission " + id);
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body("[" + String.join(",", results) + "]");
	}

}
