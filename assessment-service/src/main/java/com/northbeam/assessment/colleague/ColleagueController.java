package com.northbeam.assessment.colleague;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A colleague answers a submission's technical questions (called by the public site with
 * {@code submissions:write}, or {@code submissions:read} to check a link): the respondent
 * invites them by email; the link in the email carries a signed token that names the
 * invitation and nothing else.
 */
@RestController
@RequestMapping("/api/submissions")
class ColleagueController {

	private static final String PROBLEM_JSON = "application/problem+json";

	private final Colleagues colleagues;

	ColleagueController(Colleagues colleagues) {
		this.colleagues = colleagues;
	}

	@Operation(summary = "Invites a colleague by email to answer the submission's technical questions "
			+ "(submissions:write)")
	@ApiResponse(responseCode = "201", description = "The invitation email is on its way")
	@ApiResponse(responseCode = "409",
			description = "No contact details given yet, a colleague has answered already, or too many invitations",
			content = @Content(mediaType = PROBLEM_JSON,
					examples = @ExampleObject(value = "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
							+ "\"detail\":\"A colleague has answered already\"}")))
	@PostMapping("/{id}/colleague-invitations")
	@ResponseStatus(HttpStatus.CREATED)
	Colleagues.Invited invite(@PathVariable UUID id, @RequestBody ColleagueRequests.Invitation request) {
		return this.colleagues.invite(id, request);
	}

	@Operation(
			summary = "Whether an invitation link works, and which steps and questions it asks " + "(submissions:read)")
	@GetMapping("/colleague-invitations/{token}")
	Colleagues.LinkState link(@PathVariable String token) {
		return this.colleagues.link(token);
	}

	/** The submission the colleague's answers merged into. */
	record Answered(UUID submissionId) {
	}

	@Operation(summary = "Takes a colleague's answers to the technical questions and merges them into the "
			+ "company result (submissions:write)")
	@ApiResponse(responseCode = "201", description = "Merged; the submission's result is the company's now")
	@ApiResponse(responseCode = "409", description = "The link has expired or a colleague has answered already",
			content = @Content(mediaType = PROBLEM_JSON,
					examples = @ExampleObject(value = "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
							+ "\"detail\":\"This invitation has expired; ask for a new one\"}")))
	@PostMapping("/colleague-invitations/{token}/answers")
	@ResponseStatus(HttpStatus.CREATED)
	Answered answer(@PathVariable String token, @RequestBody ColleagueRequests.Answers request) {
		return new Answered(this.colleagues.answer(token, request));
	}

}
