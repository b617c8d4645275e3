package com.northbeam.assessment.routing;

import java.io.UnsupportedEncodingException;
import java.util.List;
import java.util.stream.Collectors;

import com.northbeam.testsupport.TestTokenIssuer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Routing set up through its API, as the gateway does, and taken away again: the test
 * context is shared, and other tests expect new leads to stay unowned.
 */
final class RoutingFixtures {

	static final String ADMIN = "ada.admin@northbeam.test";

	static final String BASE = "/api/admin/routing";

	private final MockMvcTester mvc;

	private final JdbcClient jdbc;

	private final TestTokenIssuer tokens;

	private final ObjectMapper json;

	RoutingFixtures(MockMvcTester mvc, JdbcClient jdbc, TestTokenIssuer tokens, ObjectMapper json) {
		this.mvc = mvc;
		this.jdbc = jdbc;
		this.tokens = tokens;
		this.json = json;
	}

	String admin() {
		return "Bearer " + this.tokens.token(ADMIN, "admin", "leads:read", "leads:write");
	}

	String gateway() {
		return "Bearer " + this.tokens.token("gateway", "roster:write");
	}

	/** Publishes the roster: {@code "email:true"} or {@code "email:false"} per person. */
	MvcTestResult roster(String... people) {
		String entries = List.of(people).stream().map((person) -> {
			String[] parts = person.split(":");
			return "{\"email\":\"%s\",\"name\":\"%s\",\"enabled\":%s}".formatted(parts[0],
					parts[0].substring(0, parts[0].indexOf('@')), parts[1]);
		}).collect(Collectors.joining(","));
		return this.mvc.put()
			.uri(BASE + "/sales-people")
			.header(HttpHeaders.AUTHORIZATION, gateway())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"people\":[" + entries + "]}")
			.exchange();
	}

	MvcTestResult send(String method, String uri, String body) {
		var request = switch (method) {
			case "POST" -> this.mvc.post().uri(uri);
			case "PUT" -> this.mvc.put().uri(uri);
			case "DELETE" -> this.mvc.delete().uri(uri);
			default -> this.mvc.get().uri(uri);
		};
		request.header(HttpHeaders.AUTHORIZATION, admin());
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return request.exchange();
	}

	/** Creates a group of {@code members}; returns its id. */
	long group(String name, String... members) {
		String list = List.of(members).stream().map((m) -> "\"" + m + "\"").collect(Collectors.joining(","));
		MvcTestResult created = send("POST", BASE + "/groups",
				"{\"name\":\"%s\",\"members\":[%s]}".formatted(name, list));
		return created(created).get("id").asLong();
	}

	/**
	 * Creates a rule from the JSON members given (name and enabled are added); returns
	 * it.
	 */
	JsonNode rule(String name, String members) {
		return created(send("POST", BASE + "/rules", "{\"name\":\"%s\",\"enabled\":true,%s}".formatted(name, members)));
	}

	private JsonNode created(MvcTestResult result) {
		if (result.getResponse().getStatus() != 201) {
			throw new IllegalStateException("Refused: " + text(result));
		}
		return body(result);
	}

	JsonNode body(MvcTestResult result) {
		return this.json.readTree(text(result));
	}

	static String text(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString();
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	void clear() {
		this.jdbc.sql("delete from routing_rule").update();
		this.jdbc.sql("delete from routing_group").update();
		this.jdbc.sql("delete from sales_person").update();
	}

}
