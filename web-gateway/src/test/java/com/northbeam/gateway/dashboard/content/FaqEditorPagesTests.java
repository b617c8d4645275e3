package com.northbeam.gateway.dashboard.content;

import java.time.Duration;
import java.util.List;

import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.testsupport.FakeHttpServer;
import com.northbeam.testsupport.FakeHttpServer.Request;
import com.northbeam.testsupport.FakeHttpServer.Response;
import com.northbeam.testsupport.PostgresTestConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static com.northbeam.gateway.dashboard.content.ArticleEditorPagesTests.XSS;
import static com.northbeam.gateway.dashboard.content.ArticleEditorPagesTests.XSS_ESCAPED;
import static com.northbeam.gateway.dashboard.content.ArticleEditorPagesTests.editor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class FaqEditorPagesTests {

	static final String FAQS = """
			[{"id":3,"question":"Is it costly? <script>alert('x')</script>","answer":"It depends.",
			  "answerHtml":"<p>It <em>depends</em>.</p>","position":0,"articleSlug":"patching-basics",
			  "updatedAt":"2026-11-01T10:00:00Z","version":2},
			 {"id":4,"question":"Who owns the servers?","answer":"You do.","answerHtml":"<p>You do.</p>",
			  "position":1,"articleSlug":null,"updatedAt":"2026-11-01T10:00:00Z","version":5}]""";

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	@Qualifier("content")
	FakeHttpServer content;

	@BeforeEach
	void fakeContentService() {
		content.respond("GET", "/api/editor/faqs", Response.json(FAQS));
		content.respond("GET", "/api/editor/articles", Response.json("""
				[{"id":7,"slug":"patching-basics","kind":"article","title":"Patching","status":"draft",
				  "publishAt":null,"updatedAt":"2026-11-02T10:00:00Z","version":3}]"""));
	}

	@Test
	void theListShowsQuestionsEscapedInOrderWithTheArticleTheyBelongTo() {
		assertThat(mvc.get().uri("/dashboard/content/faqs").with(editor())).hasStatusOk()
			.bodyText()
			.contains(XSS_ESCAPED, "Who owns the servers?", "patching-basics")
			.doesNotContain(XSS)
			.satisfies((html) -> assertThat(html.indexOf("Is it costly?")).isLessThan(html.indexOf("Who owns")));
	}

	@Test
	void theEditPageRendersContentServicesSanitisedAnswerAndEscapesTheRest() {
		assertThat(mvc.get().uri("/dashboard/content/faqs/3").with(editor())).hasStatusOk()
			.bodyText()
			.contains("<p>It <em>depends</em>.</p>", XSS_ESCAPED, "<option value=\"patching-basics\" selected")
			.doesNotContain(XSS);
	}

	@Test
	void anFaqIsCreatedAndAttachedToAnArticle() {
		content.respond("POST", "/api/editor/faqs", new Response(201, "application/json", """
				{"id":9,"question":"New?","answer":"Yes.","answerHtml":"<p>Yes.</p>","position":2,
				 "articleSlug":"patching-basics","updatedAt":"2026-11-01T10:00:00Z","version":1}""", Duration.ZERO));

		assertThat(mvc.post()
			.uri("/dashboard/content/faqs")
			.with(editor())
			.with(csrf())
			.param("question", "New?")
			.param("answer", "Yes.")
			.param("position", "2")
			.param("articleSlug", "patching-basics")).hasStatus3xxRedirection()
			.redirectedUrl()
			.isEqualTo("/dashboard/content/faqs");

		JsonNode sent = json.readTree(lastRequest("POST", "/api/editor/faqs").body());
		assertThat(sent.get("articleSlug").asString()).isEqualTo("patching-basics");
		assertThat(sent.get("position").asInt()).isEqualTo(2);
	}

	@Test
	void badInputIsShownNextToTheFieldWithTheInputKept() {
		content.respond("POST", "/api/editor/faqs", new Response(400, "application/problem+json", """
				{"status":400,"errors":[{"field":"question","message":"must not be blank"},
				 {"field":"position","message":"must be greater than or equal to 0"}]}""", Duration.ZERO));

		assertThat(mvc.post()
			.uri("/dashboard/content/faqs")
			.with(editor())
			.with(csrf())
			.param("question", "")
			.param("answer", "Kept answer")
			.param("position", "-1")).hasStatusOk()
			.bodyText()
			.contains("id=\"new-faq-question-error\"", "must not be blank", "id=\"new-faq-position-error\"",
					"Kept answer", "value=\"-1\"");
	}

	@Test
	void aPositionThatIsNotANumberIsShownNextToTheFieldWithoutCallingTheService() {
		int before = content.requests().size();

		assertThat(mvc.post()
			.uri("/dashboard/content/faqs")
			.with(editor())
			.with(csrf())
			.param("question", "Kept question")
			.param("answer", "Kept answer")
			.param("position", "first")).hasStatusOk()
			.bodyText()
			.contains("id=\"new-faq-position-error\"", "Enter a whole number.", "value=\"Kept question\"",
					"Kept answer");
		assertThat(content.requests().subList(before, content.requests().size()))
			.noneMatch((request) -> request.method().equals("POST"));
	}

	@Test
	void aStaleEditShowsTheNewerAnswerBesideTheEditorsText() {
		content.respond("PUT", "/api/editor/faqs/3", new Response(409, "application/problem+json", """
				{"status":409,"errors":[{"field":"version","message":"changed"}],"currentVersion":2}""",
				Duration.ZERO));

		assertThat(mvc.post()
			.uri("/dashboard/content/faqs/3")
			.with(editor())
			.with(csrf())
			.param("question", "My question")
			.param("answer", "My attempted answer")
			.param("position", "0")
			.param("version", "1")).hasStatusOk()
			.bodyText()
			.contains("Someone else saved this FAQ", "It depends.", "My attempted answer",
					"name=\"version\" value=\"2\"");
	}

	@Test
	void movingAnFaqDownSwapsItWithTheNextOne() {
		content.respond("PUT", "/api/editor/faqs/3", Response.json(FAQ_3));
		content.respond("PUT", "/api/editor/faqs/4", Response.json(FAQ_3.replace("\"id\":3", "\"id\":4")));
		int before = content.requests().size();

		assertThat(
				mvc.post().uri("/dashboard/content/faqs/3/move").with(editor()).with(csrf()).param("direction", "down"))
			.hasStatus3xxRedirection();

		List<Request> puts = content.requests()
			.subList(before, content.requests().size())
			.stream()
			.filter((request) -> request.method().equals("PUT"))
			.toList();
		assertThat(puts).extracting(Request::path).containsExactly("/api/editor/faqs/3", "/api/editor/faqs/4");
		assertThat(json.readTree(puts.get(0).body()).get("position").asInt()).isEqualTo(1);
		assertThat(json.readTree(puts.get(0).body()).get("version").asInt()).isEqualTo(2);
		assertThat(json.readTree(puts.get(1).body()).get("position").asInt()).isZero();
		assertThat(json.readTree(puts.get(1).body()).get("version").asInt()).isEqualTo(5);
	}

	@Test
	void deletingCallsContentService() {
		content.respond("DELETE", "/api/editor/faqs/4", new Response(204, "application/json", "", Duration.ZERO));

		assertThat(mvc.post().uri("/dashboard/content/faqs/4/delete").with(editor()).with(csrf()))
			.hasStatus3xxRedirection()
			.redirectedUrl()
			.isEqualTo("/dashboard/content/faqs");
		assertThat(lastRequest("DELETE", "/api/editor/faqs/4")).isNotNull();
	}

	private static final String FAQ_3 = """
			{"id":3,"question":"Q","answer":"A","answerHtml":"<p>A</p>","position":1,"articleSlug":null,
			 "updatedAt":"2026-11-01T10:00:00Z","version":3}""";

	private Request lastRequest(String method, String path) {
		List<Request> matching = content.requests()
			.stream()
			.filter((request) -> request.method().equals(method) && request.path().equals(path))
			.toList();
		assertThat(matching).as("requests to " + method + " " + path).isNotEmpty();
		return matching.get(matching.size() - 1);
	}

}
