package com.northbeam.assessment.submission;

import java.util.UUID;

import com.northbeam.assessment.brief.Briefs;
import com.northbeam.assessment.system.NotFoundException;
import tools.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Submissions from the gateway: {@code 201} with the result for a new one, {@code 200}
 * with the stored result when the same id comes again. Results are read without contact
 * details; they say only whether contact details were given ({@code contactGiven}). A
 * submission made with {@code contactLater} gets its contact details, and so its lead,
 * through {@code PUT .../contact}. Every result carries the responsibility matrix
 * proposed for its recommendation ({@code responsibility}), derived when it is read, and,
 * once a colleague was invited to answer its technical questions, the colleague's part
 * ({@code colleague}: when invited and answered, and every disagreement).
 */
@RestController
@RequestMapping("/api/submissions")
class SubmissionController {

	private final Submissions submissions;

	private final Briefs briefs;

	private final ObjectMapper json;

	private final ResultRespondents respondents;

	SubmissionController(Submissions submissions, Briefs briefs, ObjectMapper json, ResultRespondents respondents) {
		this.submissions = submissions;
		this.briefs = briefs;
		this.json = json;
		this.respondents = respondents;
	}

	@Operation(
			summary = "Takes a submission: 201 with its result, or 200 with the stored one when the id comes again (submissions:write)")
	@PostMapping
	ResponseEntity<String> submit(@RequestBody SubmissionRequest request, UriComponentsBuilder uri) {
		Submissions.Outcome outcome = this.submissions.submit(request);
		return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.location(uri.path("/api/submissions/{id}").build(outcome.id()))
			.contentType(MediaType.APPLICATION_JSON)
			.body(withColleague(outcome.id(), withResponsibility(outcome.result())));
	}

	@Operation(
			summary = "Adds contact details to a submission made without them, creating its lead (submissions:write)")
	@PutMapping("/{id}/contact")
	ResponseEntity<String> contact(@PathVariable UUID id, @RequestBody ContactRequest request) {
		Submissions.Outcome outcome = this.submissions.addContact(id, request);
		return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.contentType(MediaType.APPLICATION_JSON)
			.body(withColleague(id, withResponsibility(outcome.result())));
	}

	@Operation(summary = "A submission's result, without contact details (submissions:read)")
	@GetMapping("/{id}")
	ResponseEntity<String> result(@PathVariable UUID id) {
		String result = this.submissions.result(id)
			.orElseThrow(() -> new NotFoundException("There is no submission " + id));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.body(withColleague(id, withResponsibility(result)));
	}

	private String withColleague(UUID id, String result) {
		return this.respondents.forResult(id)
			.filter((colleague) -> result.startsWith("{") && result.length() > 2)
			.map((colleague) -> "{\"colleague\":" + this.json.writeValueAsString(colleague) + "," + result.substring(1))
			.orElse(result);
	}

	private String withResponsibility(String result) {
		return this.briefs.proposal(result)
			.filter((matrix) -> result.startsWith("{") && result.length() > 2)
			.map((matrix) -> "{\"responsibility\":" + this.json.writeValueAsString(matrix) + "," + result.substring(1))
			.orElse(result);
	}

}
