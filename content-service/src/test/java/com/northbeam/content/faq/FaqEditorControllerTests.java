package com.northbeam.content.faq;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

@ContentServiceTest
class FaqEditorControllerTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestTokenIssuer tokens;

	Editor editor;

	String articleSlug;

	@BeforeEach
	void article() {
		editor = new Editor(mvc, tokens);
		articleSlug = "faq-host-" + UUID.randomUUID().toString().substring(0, 8);
		editor.createPublished(articleSlug, "FAQ host", "Body.", List.of());
	}

	@Test
	void faqsAreManagedInOrderAndAttachedToTheirArticle() {
		JsonNode second = created(faq("Second question?", "Second *answer*.", 2, articleSlug));
		JsonNode first = created(faq("First question?", "First answer.", 1, articleSlug));
		assertThat(first.get("answerHtml").asString()).isEqualTo("<p>First answer.</p>\n");

		JsonNode article = Editor.json(mvc.get().uri("/api/articles/" + articleSlug).exchange());
		assertThat(questions(article.get("faqs"))).containsExactly("First question?", "Second question?");
		JsonNode all = Editor.json(mvc.get().uri("/api/faqs").exchange());
		assertThat(questions(all)).containsSubsequence("Is co-managed IT cheaper than fully managed IT?",
				"Which model works better for mid-sized businesses?");
		assertThat(questions(all)).containsSubsequence("First question?", "Second question?");

		Map<String, Object> edit = faq("Second question, edited?", "Edited.", 0, null);
		edit.put("version", second.get("version").asInt());
		MvcTestResult updated = editor.put("/api/editor/faqs/" + second.get("id").asLong(), edit);
		assertThat(updated).hasStatusOk();
		assertThat(Editor.json(updated).get("articleSlug").isNull()).isTrue();
		MvcTestResult stale = editor.put("/api/editor/faqs/" + second.get("id").asLong(), edit);
		assertThat(stale).hasStatus(409);
		assertThat(fields(stale)).containsExactly("version");

		assertThat(mvc.delete()
			.uri("/api/editor/faqs/" + first.get("id").asLong())
			.header("Authorization", "Bearer " + tokens.token("editor@northbeam.test", "content:write")))
			.hasStatus(204);
		assertThat(questions(Editor.json(mvc.get().uri("/api/articles/" + articleSlug).exchange()).get("faqs")))
			.isEmpty();
	}

	@Test
	void badFaqsAreRefusedNamingEachField() {
		assertThat(fields(editor.post("/api/editor/faqs", faq(" ", "", -1, "Not a slug"))))
			.containsExactlyInAnyOrder("question", "answer", "position", "articleSlug");
		assertThat(fields(editor.post("/api/editor/faqs", faq("Question?", "Answer.", 1, "no-such-article"))))
			.containsExactly("articleSlug");
	}

	private JsonNode created(Map<String, Object> faq) {
		MvcTestResult result = editor.post("/api/editor/faqs", faq);
		assertThat(result).hasStatus(201);
		return Editor.json(result);
	}

	private static Map<String, Object> faq(String question, String answer, int position, String articleSlug) {
		Map<String, Object> faq = new LinkedHashMap<>();
		faq.put("question", question);
		faq.put("answer", answer);
		faq.put("position", position);
		faq.put("articleSlug", articleSlug);
		return faq;
	}

	private static List<String> questions(JsonNode faqs) {
		List<String> questions = new ArrayList<>();
		faqs.forEach((faq) -> questions.add(faq.get("question").asString()));
		return questions;
	}

	private static List<String> fields(MvcTestResult result) {
		List<String> fields = new ArrayList<>();
		Editor.json(result).get("errors").forEach((error) -> fields.add(error.get("field").asString()));
		return fields;
	}

}
