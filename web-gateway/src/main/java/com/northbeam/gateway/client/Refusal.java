package com.northbeam.gateway.client;

import java.nio.charset.StandardCharsets;
import java.util.List;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.HttpClientErrorException;

/**
 * A service's 4xx answer with its problem body read, thrown by every service client's
 * status handler; {@link Refusals} turns it into the exception a feature catches. It
 * stays an {@link HttpClientErrorException} so the circuit breakers ignore it: a refusal
 * is an answer.
 */
final class Refusal extends HttpClientErrorException {

	private static final long serialVersionUID = 1L;

	private static final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final String service;

	Refusal(String service, HttpStatusCode status, HttpHeaders headers, byte[] body) {
		super(service + " answered " + status.value(), status, "", headers, body, StandardCharsets.UTF_8);
		this.service = service;
	}

	String service() {
		return service;
	}

	boolean is(HttpStatus... statuses) {
		return List.of(statuses).stream().anyMatch((status) -> status.value() == getStatusCode().value());
	}

	/** The problem body; empty when there is none or it cannot be read. */
	Problem problem() {
		Problem problem = bodyAs(Problem.class);
		return (problem != null) ? problem : new Problem(null, null, null);
	}

	/** What the service said, or the status when it said nothing readable. */
	String detail() {
		String detail = problem().detail();
		return (detail != null) ? detail : getMessage();
	}

	/** The field errors, or the detail as the one error of no particular field. */
	List<FieldError> fieldErrors() {
		List<FieldError> errors = problem().errors();
		return errors.isEmpty() ? List.of(new FieldError("", detail())) : errors;
	}

	/**
	 * The body as {@code type}, or {@code null} when there is none or it is not of that
	 * shape.
	 */
	<T> T bodyAs(Class<T> type) {
		byte[] body = getResponseBodyAsByteArray();
		if (body.length == 0) {
			return null;
		}
		try {
			return json.readValue(body, type);
		}
		catch (RuntimeException unreadable) {
			return null;
		}
	}

}
