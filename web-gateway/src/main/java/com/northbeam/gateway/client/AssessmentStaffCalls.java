package com.northbeam.gateway.client;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import com.northbeam.gateway.client.AssessmentAdminClient.FieldError;
import com.northbeam.gateway.token.ServiceTokens;

import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/**
 * Calls to assessment-service made for a staff member: each carries a token issued for that
 * person, and refusals become typed exceptions ({@link AdminRejectedException},
 * {@link AdminConflictException}, {@link AdminNotFoundException}); a service that does not answer
 * becomes {@link ServiceUnavailableException}.
 */
final class AssessmentStaffCalls {

	static final String AUDIENCE = "assessment-service";

	private final ServiceCall assessment;

	private final ServiceTokens tokens;

	AssessmentStaffCalls(ServiceCall assessment, ServiceTokens tokens) {
		this.assessment = assessment;
		this.tokens = tokens;
	}

	/**
	 * {@code path} with {@code query} as URI template variables, so every value is encoded strictly
	 * (a {@code +} in an email or a {@code /} in a cursor arrives as sent).
	 */
	static URI withQuery(UriBuilder uri, String path, Map<String, ?> query) {
		uri.path(path);
		query.keySet().forEach((name) -> uri.queryParam(name, "{" + name + "}"));
		return uri.build(query);
	}

	/** Runs {@code request} with the caller's bearer token; a missing body is an unavailable service. */
	<T> T call(StaffCaller caller, String what, BiFunction<RestClient, String, T> request) {
		T result = callAllowingEmpty(caller, what, request);
		if (result == null) {
			throw new ServiceUnavailableException(AUDIENCE,
					new IllegalStateException("assessment-service answered without a body for " + what));
		}
		return result;
	}

	<T> T callAllowingEmpty(StaffCaller caller, String what, BiFunction<RestClient, String, T> request) {
		String bearer = "Bearer " + tokens.issue(AUDIENCE, caller.email(), caller.scopes());
		try {
			return assessment.call(() -> request.apply(assessment.rest(), bearer));
		}
		catch (HttpClientErrorException ex) {
			throw refusal(ex, what);
		}
	}

	private static RuntimeException refusal(HttpClientErrorException ex, String what) {
		Problem problem = ProblemBodies.read(ex, Problem.class);
		List<FieldError> errors = (problem != null && problem.errors() != null) ? List.copyOf(problem.errors())
				: List.of();
		String detail = (problem != null && problem.detail() != null) ? problem.detail()
				: "assessment-service answered " + ex.getStatusCode().value();
		HttpStatus status = HttpStatus.resolve(ex.getStatusCode().value());
		if (status == HttpStatus.NOT_FOUND) {
			return new AdminNotFoundException(what);
		}
		if (status == HttpStatus.CONFLICT || status == HttpStatus.PRECONDITION_FAILED) {
			return new AdminConflictException(detail, errors);
		}
		if (status == HttpStatus.BAD_REQUEST || status == HttpStatus.UNPROCESSABLE_CONTENT) {
			return new AdminRejectedException(errors.isEmpty() ? List.of(new FieldError("", detail)) : errors);
		}
		// 401/403: the gateway's token was not accepted; to the staff member that is a service fault.
		return new ServiceUnavailableException(AUDIENCE, ex);
	}

	private record Problem(String detail, List<FieldError> errors) {
	}

}
