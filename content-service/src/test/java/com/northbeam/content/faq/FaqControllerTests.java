package com.northbeam.content.faq;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.northbeam.content.ContentServiceTest;
import com.northbeam.content.Editor;
import com.northbeam.testsupport.TestTokenIssuer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

@ContentServiceTest
class FaqControllerTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestTokenIssuer tokens;

	@Test
	void anFaqNamesItsArticleOnlyOnceReadersCanSeeIt() {
		Editor editor = new Editor(mvc, tokens);
		String slug = "faq-draft-host-" + UUID.randomUUID().toString().substring(0, 8);
		JsonNode draft = editor.create(Editor.form(slug, "Draft host", "Body.", List.of()));
		String question = "Which article is this about " + slug + "?";
		MvcTestResult created = editor.post("/api/editor/faqs",
				Map.of("question", question, "answer", "That one.", "position", 99, "articleSlug", slug));
		assertThat(created).hasStatus(201);
		assertThat(Editor.json(created).get("articleSlug").asString()).as("editors see any article").isEqualTo(slug);
		assertThat(faq(question).get("articleSlug").isNull()).as("a draft is not named to readers").isTrue();

		editor.publish(draft);
		assertThat(faq(question).get("articleSlug").asString()).isEqualTo(slug);
	}

	private JsonNode faq(String question) {
		for (JsonNode faq : Editor.json(mvc.get().uri("/api/faqs").exchange())) {
			if (faq.get("question").asString().equals(question)) {
				return faq;
			}
		}
		throw new AssertionError("No FAQ '" + question + "' in /api/faqs");
	}

}
