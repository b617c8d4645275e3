package com.northbeam.content;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.northbeam.testsupport.TestTokenIssuer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls the editor API as an editor with the {@code content:write} scope would, through
 * the gateway.
 */
public final class Editor {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MockMvcTester mvc;

	private final String authorization;

	public Editor(MockMvcTester mvc, TestTokenIssuer tokens) {
		this.mvc = mvc;
		this.authorization = "Bearer " + tokens.token("editor@northbeam.test", "content:write");
	}

	public MvcTestResult get(String uri) {
		return mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, authorization).exchange();
	}

	public MvcTestResult post(String uri, Object body) {
		return mvc.post()
			.uri(uri)
			.header(HttpHeaders.AUTHORIZATION, authorization)
			.contentType(MediaType.APPLICATION_JSON)
			.content((body instanceof String text) ? text : JSON.writeValueAsString(body))
			.exchange();
	}

	public MvcTestResult put(String uri, Object body) {
		return mvc.put()
			.uri(uri)
			.header(HttpHeaders.AUTHORIZATION, authorization)
			.contentType(MediaType.APPLICATION_JSON)
			.content((body instanceof String text) ? text : JSON.writeValueAsString(body))
			.exchange();
	}

	public static JsonNode json(MvcTestResult result) {
		try {
			return JSON.readTree(result.getResponse().getContentAsString());
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A valid article form; change entries to make it invalid. */
	public static Map<String, Object> form(String slug, String title, String body, List<String> tags) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("slug", slug);
		form.put("kind", "article");
		form.put("title", title);
		form.put("summary", "A summary of " + title);
		form.put("body", body);
		form.put("tags", tags);
		return form;
	}

	/** Creates a draft and answers its editor view. */
	public JsonNode create(Map<String, Object> form) {
		MvcTestResult result = post("/api/editor/articles", form);
		assertThat(result).hasStatus(201);
		return json(result);
	}

	public JsonNode publish(JsonNode article) {
		MvcTestResult result = post("/api/editor/articles/" + article.get("id").asLong() + "/publish",
				Map.of("version", article.get("version").asInt()));
		assertThat(result).hasStatusOk();
		return json(result);
	}

	public JsonNode createPublished(String slug, String title, String body, List<String> tags) {
		return publish(create(form(slug, title, body, tags)));
	}

}
