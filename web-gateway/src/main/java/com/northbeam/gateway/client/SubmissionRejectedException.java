package com.northbeam.gateway.client;

import java.util.List;

import org.springframework.web.client.HttpClientErrorException;

/** assessment-service refused a submission or request; {@link #errors()} names each offending field. */
public class SubmissionRejectedException extends RuntimeException {

	private final transient List<AssessmentClient.FieldError> errors;

	public SubmissionRejectedException(List<AssessmentClient.FieldError> errors) {
		super("Rejected: " + errors);
		this.errors = List.copyOf(errors);
	}

	static SubmissionRejectedException from(HttpClientErrorException ex) {
		Problem problem = ProblemBodies.read(ex, Problem.class);
		List<AssessmentClient.FieldError> errors = (problem != null && problem.errors() != null) ? problem.errors()
				: List.of(new AssessmentClient.FieldError("", (problem != null && problem.detail() != null)
						? problem.detail() : "The service refused the request (" + ex.getStatusCode() + ")"));
		return new SubmissionRejectedException(errors);
	}

	public List<AssessmentClient.FieldError> errors() {
		return errors;
	}

	private record Problem(String detail, List<AssessmentClient.FieldError> errors) {
	}

}
