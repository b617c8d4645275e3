package com.northbeam.assessment.submission;

import java.util.Optional;
import java.util.UUID;

import com.northbeam.assessment.brief.Briefs;
import com.northbeam.assessment.brief.Responsibility;
import com.northbeam.assessment.system.NotFoundException;
import tools.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

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
 * ({@code colleague}: when invited and answered, and every disagreement). Pages the
 * prospect reads on the site come with the submission ({@code readingHistory}) and, after
 * it, one by one through {@code PUT .../reading/{pageId}}.
 */
@RestController
@RequestMapping("/api/submissions")
class SubmissionController {

	private final Submissions submissions;

	private final Briefs briefs;

	static final String SUBMISSION_EXAMPLE = """
			{"id": "9d1b2c3e-4f50-4a6b-8c7d-0e1f2a3b4c5d",
			 "answers": {"employees": "51-200", "internal_it": "it_team", "growth": "fast", "workload": "overloaded",
			  "skills_gaps": ["cybersecurity"], "project_delays": "often", "support_wait": "sometimes",
			  "coverage": "24x7", "security_complexity": "complex", "tech_footprint": ["cloud"],
			  "control_preference": "keep_control", "hiring": "very_hard", "predictability": "medium"},
			 "contact": {"name": "Dana Reyes", "email": "dana@example.com", "company": "Example Logistics"},
			 "consent": {"accepted": true, "textVersion": "2026-11-v1"},
			 "attribution": {"utm_source": "newsletter", "utm_medium": "email"},
			 "readingHistory": [
			  {"slug": "co-managed-vs-fully-managed-it", "title": "Co-Managed IT vs Fully Managed IT",
			   "viewedAt": "2026-05-04T09:12:30Z"},
			  {"slug": "signs-you-have-outgrown-internal-it", "title": "Signs you have outgrown internal IT",
			   "section": "when-co-managed-makes-sense", "sectionTitle": "When co-managed IT makes sense",
			   "viewedAt": "2026-05-04T09:16:02Z"}]}""";

	static final String PAGE_READ_EXAMPLE = """
			{"slug": "what-managed-it-services-include", "title": "What managed IT services include",
			 "viewedAt": "2026-05-04T09:31:47Z"}""";

	private final ObjectMapper json;

	private final PagesReadAfter pagesRead;

	private final ResultRespondents respondents;

	SubmissionController(Submissions submissions, Briefs briefs, ObjectMapper json, PagesReadAfter pagesRead,
			ResultRespondents respondents) {
		this.pagesRead = pagesRead;
		this.submissions = submissions;
		this.briefs = briefs;
		this.json = json;
		this.respondents = respondents;
	}

	@Operation(
			summary = "Takes a submission: 201 with its result, or 200 with the stored one when the id comes again (submissions:write)",
			description = "readingHistory (optional, at most 50 pages) lists the articles and guide sections the "
					+ "prospect read on the site before the assessment.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(schema = @Schema(implementation = SubmissionRequest.class),
							examples = @ExampleObject(name = "submission", value = SUBMISSION_EXAMPLE))))
	@PostMapping
	ResponseEntity<String> submit(@RequestBody SubmissionRequest request, UriComponentsBuilder uri) {
		Submissions.Outcome outcome = this.submissions.submit(request);
		Submissions.Computed computed = outcome.computed();
		String body = (computed != null)
				? withResponsibility(this.briefs.proposal(computed.answers(), computed.recommendation()),
						outcome.result())
				: withColleague(outcome.id(), withResponsibility(outcome.result()));
		return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.location(uri.path("/api/submissions/{id}").build(outcome.id()))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body);
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

	@Operation(
			summary = "Adds a page the prospect read after the assessment to its reading history (submissions:write)",
			description = "The page id is the caller's: the same id again adds nothing. A submission keeps at most "
					+ "100 pages; pages for one whose personal data is erased are not kept. Either way the answer "
					+ "is 204.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(schema = @Schema(implementation = SubmissionRequest.PageRead.class),
							examples = @ExampleObject(name = "page", value = PAGE_READ_EXAMPLE))),
			responses = @ApiResponse(responseCode = "204", description = "Added, added before, or not kept"))
	@PutMapping("/{id}/reading/{pageId}")
	ResponseEntity<Void> pageRead(@PathVariable UUID id, @PathVariable UUID pageId,
			@RequestBody SubmissionRequest.PageRead page) {
		this.pagesRead.add(id, pageId, page);
		return ResponseEntity.noContent().build();
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
		return withResponsibility(this.briefs.proposal(result), result);
	}

	private String withResponsibility(Optional<Responsibility> proposal, String result) {
		return proposal.filter((matrix) -> result.startsWith("{") && result.length() > 2)
			.map((matrix) -> "{\"responsibility\":" + this.json.writeValueAsString(matrix) + "," + result.substring(1))
			.orElse(result);
	}

}
