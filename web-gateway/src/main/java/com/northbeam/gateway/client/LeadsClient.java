package com.northbeam.gateway.client;

import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.northbeam.gateway.token.ServiceTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/**
 * The gateway's view of assessment-service's leads API, for the sales dashboard. Every call carries
 * a token issued for the signed-in staff member, so the service's audit trail names the real person.
 */
@Component
public class LeadsClient {

	static final String AUDIENCE = "assessment-service";

	private final ServiceCall assessment;

	private final TokenIssuer tokens;

	@Autowired
	LeadsClient(ServiceClientProperties properties, RestClient.Builder builder, ServiceTokens tokens) {
		this(properties, builder, (subject, scopes) -> tokens.issue(AUDIENCE, subject, scopes));
	}

	LeadsClient(ServiceClientProperties properties, RestClient.Builder builder, TokenIssuer tokens) {
		this.assessment = new ServiceCall(AUDIENCE, properties.assessment(), builder);
		this.tokens = tokens;
	}

	/** One page of leads matching {@code filter}, after {@code cursor} (null for the first page). */
	public LeadPage leads(StaffCaller caller, Filter filter, String cursor, int limit) {
		LeadPage page = call("leads", (rest) -> rest.get()
			.uri((uri) -> {
				Map<String, Object> values = new HashMap<>();
				filter.applyTo(uri.path("/api/leads"), values).queryParam("limit", limit);
				if (cursor != null) {
					uri.queryParam("after", "{after}");
					values.put("after", cursor);
				}
				return uri.build(values);
			})
			.header(HttpHeaders.AUTHORIZATION, bearer(caller))
			.retrieve()
			.body(LeadPage.class));
		return (page != null) ? page : new LeadPage(List.of(), null);
	}

	public LeadDetail lead(StaffCaller caller, UUID id) {
		return call("lead " + id, (rest) -> rest.get()
			.uri("/api/leads/{id}", id)
			.header(HttpHeaders.AUTHORIZATION, bearer(caller))
			.retrieve()
			.body(LeadDetail.class));
	}

	/** Moves the lead in the pipeline; {@code version} is the version the salesperson saw. */
	public LeadDetail changeStatus(StaffCaller caller, UUID id, int version, String status, String lostReason) {
		return call("lead " + id, (rest) -> rest.post()
			.uri("/api/leads/{id}/status", id)
			.header(HttpHeaders.AUTHORIZATION, bearer(caller))
			.contentType(MediaType.APPLICATION_JSON)
			.body(new StatusChange(version, status, lostReason))
			.retrieve()
			.body(LeadDetail.class));
	}

	/** Gives the lead to a staff member (email), or to nobody. */
	public LeadDetail assign(StaffCaller caller, UUID id, int version, String owner) {
		return call("lead " + id, (rest) -> rest.post()
			.uri("/api/leads/{id}/owner", id)
			.header(HttpHeaders.AUTHORIZATION, bearer(caller))
			.contentType(MediaType.APPLICATION_JSON)
			.body(new OwnerChange(version, owner))
			.retrieve()
			.body(LeadDetail.class));
	}

	public void addNote(StaffCaller caller, UUID id, String text) {
		call("lead " + id, (rest) -> rest.post()
			.uri("/api/leads/{id}/notes", id)
			.header(HttpHeaders.AUTHORIZATION, bearer(caller))
			.contentType(MediaType.APPLICATION_JSON)
			.body(new Note(text))
			.retrieve()
			.toBodilessEntity());
	}

	/** Copies the CSV export of every lead matching {@code filter} to {@code out} as it arrives. */
	public void exportCsv(StaffCaller caller, Filter filter, OutputStream out) {
		call("lead export", (rest) -> rest.get()
			.uri((uri) -> {
				Map<String, Object> values = new HashMap<>();
				return filter.applyTo(uri.path("/api/leads/export.csv"), values).build(values);
			})
			.header(HttpHeaders.AUTHORIZATION, bearer(caller))
			.accept(MediaType.parseMediaType("text/csv"))
			.exchange((request, response) -> {
				if (response.getStatusCode().isError()) {
					throw new ServiceUnavailableException(AUDIENCE,
							new IllegalStateException("export answered " + response.getStatusCode().value()));
				}
				return StreamUtils.copy(response.getBody(), out);
			}));
	}

	private String bearer(StaffCaller caller) {
		return "Bearer " + tokens.issue(caller.email(), caller.scopes());
	}

	private <T> T call(String what, Function<RestClient, T> request) {
		try {
			return assessment.call(() -> request.apply(assessment.rest()));
		}
		catch (HttpClientErrorException ex) {
			throw refusal(ex, what);
		}
	}

	private static RuntimeException refusal(HttpClientErrorException ex, String what) {
		Problem problem = ProblemBodies.read(ex, Problem.class);
		HttpStatus status = HttpStatus.resolve(ex.getStatusCode().value());
		if (status == HttpStatus.NOT_FOUND) {
			return new LeadNotFoundException(what);
		}
		if (status == HttpStatus.CONFLICT && problem != null && problem.current() != null) {
			return new StaleLeadException(problem.current());
		}
		List<AssessmentClient.FieldError> errors = (problem != null && problem.errors() != null)
				? List.copyOf(problem.errors()) : List.of();
		if (errors.isEmpty()) {
			String detail = (problem != null && problem.detail() != null) ? problem.detail()
					: "assessment-service answered " + ex.getStatusCode().value();
			errors = List.of(new AssessmentClient.FieldError("", detail));
		}
		return new LeadRejectedException(errors);
	}

	/** Tokens for a staff member: subject and scopes. */
	interface TokenIssuer {

		String issue(String subject, List<String> scopes);

	}

	/** What the leads list is narrowed to; empty values mean "any". */
	public record Filter(List<String> status, List<String> recommendation, String owner, Integer minPriority,
			Integer maxPriority, LocalDate createdFrom, LocalDate createdTo, String q, String sort) {

		public Filter {
			status = (status != null) ? List.copyOf(status) : List.of();
			recommendation = (recommendation != null) ? List.copyOf(recommendation) : List.of();
		}

		/**
		 * Adds the filter's query parameters as URI template variables whose values go to
		 * {@code values}: expanded values are fully encoded, so '+', '&' and the like arrive as typed.
		 */
		UriBuilder applyTo(UriBuilder uri, Map<String, Object> values) {
			for (int i = 0; i < status.size(); i++) {
				add(uri, values, "status", "status" + i, status.get(i));
			}
			for (int i = 0; i < recommendation.size(); i++) {
				add(uri, values, "recommendation", "recommendation" + i, recommendation.get(i));
			}
			add(uri, values, "owner", "owner", owner);
			add(uri, values, "minPriority", "minPriority", minPriority);
			add(uri, values, "maxPriority", "maxPriority", maxPriority);
			add(uri, values, "createdFrom", "createdFrom", createdFrom);
			add(uri, values, "createdTo", "createdTo", createdTo);
			add(uri, values, "q", "q", q);
			add(uri, values, "sort", "sort", sort);
			return uri;
		}

		private static void add(UriBuilder uri, Map<String, Object> values, String name, String variable,
				Object value) {
			if (value != null && !value.toString().isBlank()) {
				uri.queryParam(name, "{" + variable + "}");
				values.put(variable, value.toString());
			}
		}

	}

	public record LeadPage(List<LeadRow> items, String nextCursor) {

		public LeadPage {
			items = (items != null) ? List.copyOf(items) : List.of();
		}

	}

	public record LeadRow(UUID id, String name, String company, String email, String recommendation, int priority,
			String status, String owner, Instant createdAt, String source) {
	}

	public record LeadDetail(UUID id, int version, Contact contact, String status, String owner, String lostReason,
			int priority, List<PriorityFactor> priorityFactors, String recommendation, List<Answer> answers,
			AssessmentClient.SubmissionResult result, AssessmentClient.Cost cost, Attribution attribution,
			Consultation consultation, List<TimelineEntry> timeline, Instant createdAt, Instant updatedAt,
			Boolean erased) {

		public LeadDetail {
			erased = Boolean.TRUE.equals(erased);
			priorityFactors = (priorityFactors != null) ? List.copyOf(priorityFactors) : List.of();
			answers = (answers != null) ? List.copyOf(answers) : List.of();
			timeline = (timeline != null) ? List.copyOf(timeline) : List.of();
		}

	}

	public record Contact(String name, String email, String company, String phone, String role) {
	}

	public record PriorityFactor(String code, String reason, Double weight) {
	}

	public record Answer(String questionId, String question, List<Choice> values) {

		public Answer {
			values = (values != null) ? List.copyOf(values) : List.of();
		}

	}

	public record Choice(String code, String label) {
	}

	public record Attribution(@JsonProperty("utm_source") String utmSource,
			@JsonProperty("utm_medium") String utmMedium, @JsonProperty("utm_campaign") String utmCampaign,
			String referrer, String landing) {
	}

	public record Consultation(String preferredTimes, String message, Instant requestedAt) {
	}

	public record TimelineEntry(Instant at, String actor, String kind, String detail) {
	}

	record StatusChange(int version, String status, String lostReason) {
	}

	record OwnerChange(int version, String owner) {
	}

	record Note(String text) {
	}

	record Problem(String detail, List<AssessmentClient.FieldError> errors, LeadDetail current) {
	}

}
