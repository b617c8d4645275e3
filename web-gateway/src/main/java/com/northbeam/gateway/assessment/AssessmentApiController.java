package com.northbeam.gateway.assessment;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import com.northbeam.gateway.client.FunnelEvents;
import com.northbeam.gateway.client.AssessmentClient.Attribution;
import com.northbeam.gateway.client.AssessmentClient.ConsentGiven;
import com.northbeam.gateway.client.AssessmentClient.Contact;
import com.northbeam.gateway.client.AssessmentClient.Factor;
import com.northbeam.gateway.client.AssessmentClient.Fit;
import com.northbeam.gateway.client.AssessmentClient.Questionnaire;
import com.northbeam.gateway.client.AssessmentClient.SubmissionResult;
import com.northbeam.gateway.client.CurrentQuestionnaire;
import com.northbeam.gateway.client.ServiceUnavailableException;
import com.northbeam.gateway.client.SubmissionRejectedException;
import com.northbeam.gateway.system.PublicSite;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The assessment as JSON, for embedding it in another site or tool. Submissions go
 * through the same checks and the same never-lose-it path as the wizard: when
 * assessment-service is down the answer is {@code 202} with a result URL that works once
 * the submission is delivered.
 */
@RestController
@RequestMapping("/api/v1/assessment")
class AssessmentApiController {

	private static final Logger log = LoggerFactory.getLogger(AssessmentApiController.class);

	static final String SUBMISSION_EXAMPLE = """
			{"id": "9d1b2c3e-4f50-4a6b-8c7d-0e1f2a3b4c5d",
			 "answers": {"employees": "51-200", "internal_it": "it_team", "growth": "fast", "workload": "overloaded",
			  "skills_gaps": ["cybersecurity", "compliance"], "project_delays": "often", "support_wait": "sometimes",
			  "coverage": "24x7", "security_complexity": "complex", "tech_footprint": ["cloud", "remote_work"],
			  "control_preference": "keep_control", "hiring": "very_hard", "predictability": "medium"},
			 "contact": {"name": "Dana Reyes", "email": "dana@example.com", "company": "Example Logistics",
			  "role": "Operations manager"},
			 "consent": {"accepted": true, "textVersion": "2026-11-v1"},
			 "attribution": {"utm_source": "newsletter", "utm_medium": "email", "utm_campaign": "guide"},
			 "startToken": "3q2-7wAAAAAAAAAAAAAAAAAAAZPx2k4A.p0N1bTSFp1VnT9uSEw3x0aVwJ8cH5s2Yq4kPbL6RmZA"}""";

	static final String RESULT_EXAMPLE = """
			{"id": "9d1b2c3e-4f50-4a6b-8c7d-0e1f2a3b4c5d", "recommendation": "co_managed",
			 "fit": {"co_managed": 82, "fully_managed": 55, "hybrid": 61}, "confidence": 0.74,
			 "confidenceLabel": "clear", "summary": "Your IT team stays; a provider adds capacity and skills.",
			 "factors": [{"code": "growth_outpacing_team", "model": "co_managed", "weight": 12,
			  "reason": "Your headcount grows faster than your IT team can keep up with.",
			  "guideAnchor": "growth-outpacing-capacity", "direction": "for", "fitDelta": 12}],
			 "resultUrl": "https://www.example.com/assessment/result/9d1b2c3e-4f50-4a6b-8c7d-0e1f2a3b4c5d"}""";

	static final String QUEUED_EXAMPLE = """
			{"id": "9d1b2c3e-4f50-4a6b-8c7d-0e1f2a3b4c5d", "status": "pending",
			 "resultUrl": "https://www.example.com/assessment/result/9d1b2c3e-4f50-4a6b-8c7d-0e1f2a3b4c5d"}""";

	private final CurrentQuestionnaire questionnaires;

	private final AnswerCheck check;

	private final Submissions submissions;

	private final ReadingPicks reading;

	private final PublicSite site;

	private final FunnelEvents funnel;

	private final ApiStarts starts;

	AssessmentApiController(CurrentQuestionnaire questionnaires, AnswerCheck check, Submissions submissions,
			ReadingPicks reading, PublicSite site, FunnelEvents funnel, ApiStarts starts) {
		this.starts = starts;
		this.questionnaires = questionnaires;
		this.check = check;
		this.submissions = submissions;
		this.reading = reading;
		this.site = site;
		this.funnel = funnel;
	}

	@GetMapping
	@Operation(summary = "The current questionnaire: version, steps, questions, options, fields and consent text",
			responses = @ApiResponse(responseCode = "200", description = "The questionnaire new submissions answer",
					content = @Content(schema = @Schema(implementation = Questionnaire.class))))
	Questionnaire questionnaire() {
		return questionnaires.get();
	}

	@PostMapping("/submissions")
	@Operation(summary = "Submits answers with contact details and consent, and answers with the result",
			description = "The same id sent again answers with the stored result and never creates a second lead. "
					+ "Bad input is refused as a whole, naming each offending field; nothing is stored. "
					+ "A readingHistory member is ignored: reading is recorded only by this site, in its own "
					+ "first-party session, never taken from other sites or tools. startToken is the token of "
					+ "POST /api/v1/assessment/starts: without a start token of its own, or sent sooner after its "
					+ "start than a person can answer, the submission is held for staff to review before it "
					+ "becomes a lead; the answer is the same.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(schema = @Schema(implementation = ApiSubmission.class),
							examples = @ExampleObject(name = "submission", value = SUBMISSION_EXAMPLE))),
			responses = {
					@ApiResponse(responseCode = "201", description = "Scored and stored; Location names the result",
							headers = @Header(name = "Location", description = "The result's URL in this API"),
							content = @Content(schema = @Schema(implementation = ApiResult.class),
									examples = @ExampleObject(name = "result", value = RESULT_EXAMPLE))),
					@ApiResponse(responseCode = "202",
							description = "Accepted while assessment-service is down; delivered and scored later",
							headers = @Header(name = "Location", description = "The result's URL in this API"),
							content = @Content(schema = @Schema(implementation = Queued.class),
									examples = @ExampleObject(name = "pending", value = QUEUED_EXAMPLE))) })
	ResponseEntity<?> submit(@RequestBody ApiSubmission body, HttpServletRequest http) {
		Questionnaire questionnaire = questionnaires.get();
		UUID id = (body.id() != null) ? body.id() : UUID.randomUUID();
		Map<String, Object> rawAnswers = (body.answers() != null) ? body.answers() : Map.of();
		Map<String, String> contact = contact(body.contact());
		contact.put(SubmissionRequests.CONSENT, (body.consent() != null && body.consent().accepted()) ? "true" : "");
		Draft.Data data = new Draft.Data(SubmissionRequests.codes(rawAnswers), costs(body.costs()), contact);
		Map<String, String> errors = check.checkAll(questionnaire, data, rawAnswers, body.consent());
		if (!errors.isEmpty()) {
			return problem(errors.entrySet().stream().map((e) -> new FieldProblem(e.getKey(), e.getValue())).toList());
		}
		// The JSON API always takes contact details with the answers, whatever the
		// wizard's setting. Over the rate limit, too fast or without a start of its
		// own: taken, and quarantined by assessment-service; the client sees the same
		// answer.
		ApiStarts.Check start = starts.check(body.startToken(), id);
		List<String> reasons = new ArrayList<>(start.reasons());
		if (PostRateLimit.overLimit(http)) {
			reasons.add(Screening.RATE_LIMIT);
		}
		var request = SubmissionRequests.screened(SubmissionRequests.toRequest(questionnaire, id, data,
				(body.attribution() != null) ? body.attribution() : Attribution.NONE, false), reasons);
		Submissions.Outcome outcome;
		try {
			outcome = submissions.submit(request);
		}
		catch (SubmissionRejectedException ex) {
			starts.release(start);
			throw ex;
		}
		// Only once the service took it (or it is queued): a refused submission leaves
		// nothing behind.
		reading.remember(id, ReadingPicks.fromAnswers(data.answers()));
		funnel.apiSubmitted();
		String resultUrl = site.url("/assessment/result/" + id);
		if (outcome instanceof Submissions.Outcome.Delivered delivered) {
			return ResponseEntity.created(URI.create(site.url("/api/v1/assessment/submissions/" + id)))
				.body(ApiResult.of(delivered.result(), resultUrl));
		}
		return ResponseEntity.accepted()
			.location(URI.create(site.url("/api/v1/assessment/submissions/" + id)))
			.body(new Queued(id, "pending", resultUrl));
	}

	@GetMapping("/submissions/{id}")
	@Operation(summary = "A submission's result, without contact details",
			responses = {
					@ApiResponse(responseCode = "200", description = "The stored result",
							content = @Content(schema = @Schema(implementation = ApiResult.class),
									examples = @ExampleObject(name = "result", value = RESULT_EXAMPLE))),
					@ApiResponse(responseCode = "202", description = "Accepted but not yet delivered and scored",
							content = @Content(schema = @Schema(implementation = Queued.class),
									examples = @ExampleObject(name = "pending", value = QUEUED_EXAMPLE))) })
	ResponseEntity<?> result(@PathVariable UUID id) {
		String resultUrl = site.url("/assessment/result/" + id);
		Submissions.ResultState state = submissions.result(id);
		if (state instanceof Submissions.ResultState.Ready ready) {
			return ResponseEntity.ok(ApiResult.of(ready.result(), resultUrl));
		}
		if (state instanceof Submissions.ResultState.Pending) {
			return ResponseEntity.accepted().body(new Queued(id, "pending", resultUrl));
		}
		return ResponseEntity.of(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No submission " + id)).build();
	}

	@ExceptionHandler(SubmissionRejectedException.class)
	ResponseEntity<ProblemDetail> rejected(SubmissionRejectedException ex) {
		return problem(ex.errors().stream().map((e) -> new FieldProblem(e.field(), e.message())).toList());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The body is not a JSON submission; nothing was stored.");
		problem.setTitle("Invalid submission");
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@ExceptionHandler(ServiceUnavailableException.class)
	ResponseEntity<ProblemDetail> unavailable(ServiceUnavailableException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The assessment is briefly unavailable; please retry shortly.");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30").body(problem);
	}

	/**
	 * The gateway's own database could not be reached (a restart, a failover): the
	 * submission may or may not have reached assessment-service, so the client sends it
	 * again under the same id, which never makes a second one.
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
			RecoverableDataAccessException.class })
	ResponseEntity<ProblemDetail> databaseUnavailable(DataAccessException ex) {
		log.warn("Submission API answered 503, the gateway's database is unavailable: {}", ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The assessment is briefly unavailable; please send the same submission again, with the same id, shortly.");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5").body(problem);
	}

	private static ResponseEntity<ProblemDetail> problem(List<FieldProblem> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The submission has invalid fields; nothing was stored.");
		problem.setTitle("Invalid submission");
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	private static Map<String, String> costs(Map<String, BigDecimal> costs) {
		Map<String, String> values = new LinkedHashMap<>();
		if (costs != null) {
			costs.forEach((key, value) -> values.put(key, (value != null) ? value.toPlainString() : ""));
		}
		return values;
	}

	private static Map<String, String> contact(Contact contact) {
		Map<String, String> values = new LinkedHashMap<>();
		if (contact != null) {
			values.put("name", contact.name());
			values.put("email", contact.email());
			values.put("company", contact.company());
			values.put("phone", contact.phone());
			values.put("role", contact.role());
		}
		return values;
	}

	/**
	 * @param startToken the token of {@code POST /api/v1/assessment/starts}, from when
	 * the person started
	 */
	record ApiSubmission(UUID id, Map<String, Object> answers, Map<String, BigDecimal> costs, Contact contact,
			ConsentGiven consent, Attribution attribution, String startToken) {
	}

	record FieldProblem(String field, String message) {
	}

	record Queued(UUID id, String status, String resultUrl) {
	}

	record ApiResult(UUID id, String recommendation, Fit fit, Double confidence, String confidenceLabel, String summary,
			List<Factor> factors, Object cost, String resultUrl) {

		static ApiResult of(SubmissionResult result, String resultUrl) {
			return new ApiResult(result.id(), result.recommendation(), result.fit(), result.confidence(),
					result.confidenceLabel(), result.summary(), result.factors(), result.cost(), resultUrl);
		}

	}

}
