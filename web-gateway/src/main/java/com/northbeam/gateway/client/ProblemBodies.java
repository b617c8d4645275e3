package com.northbeam.gateway.client;

import org.springframework.web.client.HttpClientErrorException;

/** Reads the {@code application/problem+json} body of a service's refusal, when it has a readable one. */
final class ProblemBodies {

	private ProblemBodies() {
	}

	/**
	 * The refusal's body as {@code type}, or {@code null} when there is none or it cannot be read;
	 * callers then answer from the status alone.
	 */
	static <T> T read(HttpClientErrorException refusal, Class<T> type) {
		try {
			return refusal.getResponseBodyAs(type);
		}
		catch (RuntimeException unreadable) {
			return null;
		}
	}

}
