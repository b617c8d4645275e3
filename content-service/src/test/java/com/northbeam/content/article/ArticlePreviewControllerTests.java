package com.northbeam.content.article;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.northbeam.content.ContentServiceTest;
import com.northbeam.content.Editor;
import com.northbeam.testsupport.TestTokenIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

@ContentServiceTest
class ArticlePreviewControllerTests {

	private static final String BODY = """
			Intro with **bold** text.

			## Why the support model matters {#why-the-support-model-matters}

			### Cost

			| model | cost |
			|---|---|
			| co-managed | lower |
			""";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestTokenIssuer tokens;

	Editor editor;

	@BeforeEach
	void editor() {
		editor = new Editor(mvc, tokens);
	}

	@Test
	void rendersExactlyAsTheSavedArticleAndUsesExplicitHeadingIds() {
		MvcTestResult result = editor.post("/api/editor/preview", Map.of("body", BODY));
		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		JsonNode preview = Editor.json(result);

		String html = preview.get("html").asString();
		assertThat(html)
			.contains("<h2 id=\"why-the-support-model-matters\">Why the support model matters</h2>",
					"<h3 id=\"cost\">Cost</h3>", "<strong>bold</strong>", "<table>")
			.doesNotContain("{#");
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"toc": [{"id": "why-the-support-model-matters", "text": "Why the support model matters", "level": 2},
				         {"id": "cost", "text": "Cost", "level": 3}]}""");

		JsonNode saved = editor.create(Editor.form(unique("preview"), "Preview", BODY, List.of()));
		assertThat(preview.get("html")).isEqualTo(saved.get("html"));
		assertThat(preview.get("toc")).isEqualTo(saved.get("toc"));
		assertThat(Editor.json(mvc.get().uri("/api/articles/co-managed-vs-fully-managed-it").exchange())
			.get("html")
			.asString()).contains("<h2 id=\"why-the-support-model-matters\">");
	}

	@Test
	void stripsScriptsEventHandlersAndJavascriptLinks() {
		JsonNode preview = Editor.json(editor.post("/api/editor/preview", Map.of("body", """
				Hello <script>alert(1)</script><img src="x.png" onerror="alert(2)">
				[click](javascript:alert(3)) <a href="https://example.com" onclick="alert(4)">ok</a>
				""")));
		String html = preview.get("html").asString();
		assertThat(html).doesNotContainIgnoringCase("<script")
			.doesNotContainIgnoringCase("onerror")
			.doesNotContainIgnoringCase("onclick")
			.doesNotContainIgnoringCase("javascript:")
			.contains("Hello", "<img src=\"x.png\">", "<a href=\"https://example.com\">ok</a>");
	}

	@Test
	void anEmptyBodyIsAnEmptyPreviewAndNothingIsStored() {
		int before = Editor.json(editor.get("/api/editor/articles")).size();
		assertThat(editor.post("/api/editor/preview", Map.of("body", ""))).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("{\"html\": \"\", \"toc\": []}");
		assertThat(editor.post("/api/editor/preview", Map.of("body", BODY))).hasStatusOk();
		assertThat(Editor.json(editor.get("/api/editor/articles")).size()).isEqualTo(before);
	}

	@Test
	void aMissingOrTooLongBodyIsAProblemNamingTheField() {
		for (String request : List.of("{}", "{\"body\": null}",
				"{\"body\": \"" + "a".repeat(ArticleForm.MAX_BODY + 1) + "\"}")) {
			assertThat(editor.post("/api/editor/preview", request)).hasStatus(400)
				.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.bodyJson()
				.extractingPath("$.errors[*].field")
				.asArray()
				.containsExactly("body");
		}
		assertThat(editor.post("/api/editor/preview", "{\"body\": \"\", \"title\": \"x\"}")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("title");
		assertThat(editor.post("/api/editor/preview", Map.of("body", "a".repeat(ArticleForm.MAX_BODY)))).hasStatusOk();
	}

	@Test
	void needsATokenWithTheEditingScope() {
		String request = "{\"body\": \"# Hi\"}";
		assertThat(mvc.post().uri("/api/editor/preview").contentType(MediaType.APPLICATION_JSON).content(request))
			.hasStatus(401);
		assertThat(mvc.post()
			.uri("/api/editor/preview")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token("sales@northbeam.test", "leads:read"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(request)).hasStatus(403);
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
