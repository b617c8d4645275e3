package com.northbeam.gateway.assessment;

import java.math.BigDecimal;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
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

	private final CurrentQuestionnaire questionnaires;

	private final AnswerCheck check;

	private final Submissions submissions;

	private final ReadingPicks reading;

	private final PublicSite site;

	private final FunnelEvents funnel;

	AssessmentApiController(CurrentQuestionnaire questionnaires, AnswerCheck check, Submissions submissions,
			ReadingPicks reading, PublicSite site, FunnelEvents funnel) {
		this.questionnaires = questionnaires;
		this.check = check;
		this.submissions = submissions;
		this.reading = reading;
		this.site = site;
		this.funnel = funnel;
	}

	@GetMapping
	Questionnaire questionnaire() {
		return questionnaires.get();
	}

	@PostMapping("/submissions")
	ResponseEntity<?> submit(@RequestBody ApiSubmission body) {
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
		// wizard's setting.
		var request = SubmissionRequests.toRequest(questionnaire, id, data,
				(body.attribution() != null) ? body.attribution() : Attribution.NONE, false);
		Submissions.Outcome outcome = submissions.submit(request);
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

	@ExceptionHandler(ServiceUnavailableException.class)
	ResponseEntity<ProblemDetail> unavailable(ServiceUnavailableException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The assessment is briefly unavailable; please retry shortly.");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30").body(problem);
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

	record ApiSubmission(UUID id, Map<String, Object> answers, Map<String, BigDecimal> costs, Contact contact,
			ConsentGiven consent, Attribution attribution) {
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
