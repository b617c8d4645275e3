package com.northbeam.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.northbeam.testsupport.FakeHttpServer;
import com.northbeam.testsupport.FakeHttpServer.Request;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the claims of the gateway tokens that reached a fake service (the JWT payload,
 * decoded).
 */
public final class TokenClaims {

	private static final JsonMapper json = JsonMapper.builder().build();

	private TokenClaims() {
	}

	public static JsonNode of(Request request) {
		List<String> authorization = request.headers().get("Authorization");
		if (authorization == null || authorization.isEmpty() || !authorization.get(0).startsWith("Bearer ")) {
			throw new AssertionError("No bearer token on " + request.method() + " " + request.path());
		}
		String payload = authorization.get(0).substring("Bearer ".length()).split("\\.")[1];
		return json.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
	}

	/** The subjects of the tokens on every request to {@code path}, in order. */
	public static List<String> subjects(FakeHttpServer server, String path) {
		return server.requests()
			.stream()
			.filter((request) -> request.path().equals(path))
			.map((request) -> of(request).get("sub").asString())
			.toList();
	}

}
