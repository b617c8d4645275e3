package com.northbeam.content.search;

import java.util.List;
import java.util.UUID;

import com.northbeam.content.ContentServiceTest;
import com.northbeam.content.Editor;
import com.northbeam.testsupport.TestTokenIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@ContentServiceTest
class SearchControllerTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestTokenIssuer tokens;

	@ParameterizedTest
	@ValueSource(strings = { "24/7 monitoring", "co-managed cost" })
	void ranksTheGuideFirst(String query) {
		JsonNode response = Editor.json(mvc.get().uri("/api/search").param("q", query).exchange());
		assertThat(response.get("query").asString()).isEqualTo(query);
		JsonNode results = response.get("results");
		assertThat(results.size()).isGreaterThan(1);
		assertThat(results.get(0).get("slug").asString()).isEqualTo("co-managed-vs-fully-managed-it");
		assertThat(results.get(0).get("rank").asDouble()).isGreaterThan(results.get(1).get("rank").asDouble());
		assertThat(results.get(0).get("snippetHtml").asString()).contains("<mark>");
	}

	@Test
	void snippetsAreEscapedExceptForTheMarks() {
		Editor editor = new Editor(mvc, tokens);
		String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		editor.createPublished("snippet-" + word, "Snippet test",
				"Some `<script>alert(1)</script>` code & " + word + " <b>bold</b> text.", List.of());
		JsonNode result = Editor.json(mvc.get().uri("/api/search").param("q", word).exchange()).get("results").get(0);
		String snippet = result.get("snippetHtml").asString();
		assertThat(snippet).contains("<mark>" + word + "</mark>");
		assertThat(snippet.replace("<mark>", "").replace("</mark>", "")).doesNotContain("<", ">");
	}

	@Test
	void findsOnlyPublishedContent() {
		Editor editor = new Editor(mvc, tokens);
		String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		JsonNode draft = editor.create(Editor.form("draft-" + word, "Draft " + word, "Body.", List.of()));
		assertThat(mvc.get().uri("/api/search").param("q", word)).bodyJson()
			.extractingPath("$.results.length()")
			.isEqualTo(0);
		editor.publish(draft);
		assertThat(mvc.get().uri("/api/search").param("q", word)).bodyJson()
			.extractingPath("$.results[0].slug")
			.isEqualTo("draft-" + word);
	}

	@Test
	void aMissingQueryOrABadLimitIsAProblemNamingTheField() {
		assertThat(mvc.get().uri("/api/search").param("q", " ").param("limit", "0")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("q", "limit");
	}

}
