package com.northbeam.gateway.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.gateway.client.ContentEditingClient.ArticleInput;
import com.northbeam.gateway.client.ContentEditingClient.ContentEdited;
import com.northbeam.gateway.client.ContentEditingClient.Transition;
import com.northbeam.gateway.token.ServiceTokens;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Against a fake content-service on the wire, in the context the other gateway tests
 * share.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class ContentEditingClientTests {

	static final String ARTICLE_JSON = """
			{"id":41,"slug":"patching-basics","kind":"article","title":"Patching basics","summary":"Why patches matter",
			 "body":"## Patch\\nText","html":"<h2 id=\\"patch\\">Patch</h2><p>Text</p>","toc":[],"tags":["security"],
			 "related":["break-fix-vs-managed-it"],"previousSlugs":[],"status":"draft","storedStatus":"draft",
			 "publishAt":null,"author":"Northbeam","seoTitle":null,"seoDescription":null,"readingMinutes":1,
			 "createdAt":"2026-11-01T10:00:00Z","updatedAt":"2026-11-02T10:00:00Z","version":3}""";

	private static final StaffCaller EDITOR = new StaffCaller("erin.editor@northbeam.test", List.of("content:write"));

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	@Qualifier("content")
	FakeHttpServer server;

	@Autowired
	ApplicationEvents events;

	private ContentEditingClient client;

	/**
	 * The client as the application wires it (real signed tokens, real event publishing),
	 * with a read timeout that a busy build machine does not run into on the first, cold
	 * call.
	 */
	@BeforeEach
	void client(@Autowired ServiceTokens tokens, @Autowired ApplicationEventPublisher publisher) {
		client = new ContentEditingClient(
				new TestServices("content-service", server.baseUrl(), Duration.ofSeconds(5), tokens::issue)
					.client(ContentEditorApi.class),
				publisher);
	}

	@Test
	void callsCarryATokenWhoseSubjectAndScopesAreTheSignedInEditor() {
		server.respond("GET", "/api/editor/articles", Response.json("""
				[{"id":41,"slug":"patching-basics","kind":"article","title":"Patching basics","status":"draft",
				  "publishAt":null,"updatedAt":"2026-11-02T10:00:00Z","version":3}]"""));

		List<ContentEditingClient.ArticleSummary> articles = client.articles(EDITOR, "draft");

		assertThat(articles).singleElement().satisfies((article) -> {
			assertThat(article.slug()).isEqualTo("patching-basics");
			assertThat(article.status()).isEqualTo("draft");
			assertThat(article.version()).isEqualTo(3);
		});
		JsonNode claims = claimsOf(lastRequest("GET", "/api/editor/articles"));
		assertThat(claims.get("sub").asString()).isEqualTo("erin.editor@northbeam.test");
		assertThat(claims.get("scope").asString()).isEqualTo("content:write");
		assertThat(claims.get("aud").toString()).contains("content-service");
	}

	@Test
	void anAdminsTokenCarriesEveryScopeOfTheirRole() {
		server.respond("GET", "/api/editor/faqs", Response.json("[]"));
		StaffCaller admin = new StaffCaller("ada.admin@northbeam.test",
				List.of("admin", "content:write", "leads:read", "leads:write", "submissions:read"));

		assertThat(client.faqs(admin)).isEmpty();

		JsonNode claims = claimsOf(lastRequest("GET", "/api/editor/faqs"));
		assertThat(claims.get("sub").asString()).isEqualTo("ada.admin@northbeam.test");
		assertThat(claims.get("scope").asString())
			.isEqualTo("admin content:write leads:read leads:write submissions:read");
	}

	@Test
	void savingSendsTheEditAndTheVersionItStartedFromAndAnnouncesTheChange() {
		server.respond("PUT", "/api/editor/articles/41", Response.json(ARTICLE_JSON));
		events.clear();

		ContentEditingClient.Article saved = client.update(EDITOR, 41, new ArticleInput("patching-basics", "article",
				"Patching basics", "Why patches matter", "## Patch\nText", List.of("security"), null, null, null, 3));

		assertThat(saved.html()).isEqualTo("<h2 id=\"patch\">Patch</h2><p>Text</p>");
		assertThat(saved.related()).containsExactly("break-fix-vs-managed-it");
		JsonNode sent = json.readTree(lastRequest("PUT", "/api/editor/articles/41").body());
		assertThat(sent.get("version").asInt()).isEqualTo(3);
		assertThat(sent.get("tags").toString()).isEqualTo("[\"security\"]");
		assertThat(sent.get("body").asString()).isEqualTo("## Patch\nText");
		assertThat(events.stream(ContentEdited.class)).hasSize(1);
	}

	@Test
	void schedulingSendsTheTimeAndVersion() {
		server.respond("POST", "/api/editor/articles/41/schedule", Response.json(ARTICLE_JSON));

		client.transition(EDITOR, 41, Transition.SCHEDULE, 3, Instant.parse("2027-01-05T09:30:00Z"));

		JsonNode sent = json.readTree(lastRequest("POST", "/api/editor/articles/41/schedule").body());
		assertThat(sent.get("version").asInt()).isEqualTo(3);
		assertThat(sent.get("publishAt").asString()).isEqualTo("2027-01-05T09:30:00Z");
	}

	@Test
	void fieldProblemsBecomeARejectionNamingEachField() {
		server.respond("POST", "/api/editor/articles", new Response(400, "application/problem+json", """
				{"status":400,"detail":"The request has invalid fields.",
				 "errors":[{"field":"slug","message":"must be lower-case letters, digits and single dashes"},
				           {"field":"title","message":"must not be blank"}]}""", Duration.ZERO));
		events.clear();

		assertThatExceptionOfType(ContentRejectedException.class)
			.isThrownBy(() -> client.create(EDITOR,
					new ArticleInput("Bad Slug", "article", "", "s", "b", List.of(), null, null, null, null)))
			.satisfies((ex) -> assertThat(ex.errors()).containsExactly(
					new FieldError("slug", "must be lower-case letters, digits and single dashes"),
					new FieldError("title", "must not be blank")));
		assertThat(events.stream(ContentEdited.class)).isEmpty();
	}

	@Test
	void aStaleVersionIsAConflictCarryingTheCurrentVersion() {
		server.respond("PUT", "/api/editor/articles/41", new Response(409, "application/problem+json",
				"""
						{"status":409,"detail":"The article was changed by someone else since version 3 (it is now at version 4).",
						 "errors":[{"field":"version","message":"changed by someone else"}],"currentVersion":4}""",
				Duration.ZERO));

		assertThatExceptionOfType(StaleContentException.class)
			.isThrownBy(() -> client.update(EDITOR, 41,
					new ArticleInput("patching-basics", "article", "T", "S", "B", List.of(), null, null, null, 3)))
			.satisfies((ex) -> assertThat(ex.currentVersion()).isEqualTo(4));
	}

	@Test
	void aFailedPreconditionIsStaleToo() {
		server.respond("PUT", "/api/editor/faqs/5", Response.status(412));

		assertThatExceptionOfType(StaleContentException.class)
			.isThrownBy(() -> client.updateFaq(EDITOR, 5, new ContentEditingClient.FaqInput("Q?", "A.", 0, null, 1)));
	}

	@Test
	void aDuplicateSlugIsAFieldProblemNotAStaleEdit() {
		server.respond("POST", "/api/editor/articles/41/revisions/2/restore",
				new Response(409, "application/problem+json", """
						{"status":409,"detail":"another article already has the slug 'x'",
						 "errors":[{"field":"slug","message":"another article already has the slug 'x'"}]}""",
						Duration.ZERO));

		assertThatExceptionOfType(ContentRejectedException.class).isThrownBy(() -> client.restore(EDITOR, 41, 2, 3))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(FieldError::field).containsExactly("slug"));
	}

	@Test
	void aPreviewIsContentServicesRenderingForTheEditorAndChangesNothing() {
		server.respond("POST", "/api/editor/preview", Response.json("""
				{"html":"<h2 id=\\"costs\\">Costs</h2><p><strong>Lower</strong></p>",
				 "toc":[{"id":"costs","text":"Costs","level":2}]}"""));
		events.clear();

		ContentEditingClient.Preview preview = client.preview(EDITOR, "## Costs {#costs}\n\n**Lower**");

		assertThat(preview.html()).isEqualTo("<h2 id=\"costs\">Costs</h2><p><strong>Lower</strong></p>");
		assertThat(preview.toc()).containsExactly(new ContentClient.TocEntry("costs", "Costs", 2));
		Request sent = lastRequest("POST", "/api/editor/preview");
		assertThat(json.readTree(sent.body()).get("body").asString()).isEqualTo("## Costs {#costs}\n\n**Lower**");
		assertThat(claimsOf(sent).get("sub").asString()).isEqualTo("erin.editor@northbeam.test");
		assertThat(claimsOf(sent).get("scope").asString()).isEqualTo("content:write");
		assertThat(events.stream(ContentEdited.class)).isEmpty();
	}

	@Test
	void aRefusedPreviewNamesTheBody() {
		server.respond("POST", "/api/editor/preview", new Response(400, "application/problem+json", """
				{"status":400,"errors":[{"field":"body","message":"must not be blank"}]}""", Duration.ZERO));

		assertThatExceptionOfType(ContentRejectedException.class).isThrownBy(() -> client.preview(EDITOR, " "))
			.satisfies((ex) -> assertThat(ex.errors()).containsExactly(new FieldError("body", "must not be blank")));
	}

	@Test
	void anUnknownArticleIsNotFound() {
		assertThatExceptionOfType(ContentNotFoundException.class).isThrownBy(() -> client.article(EDITOR, 999_999));
	}

	@Test
	void aFailingServiceIsUnavailable() {
		server.respond("GET", "/api/editor/articles/42/revisions", Response.status(503));

		assertThatExceptionOfType(ServiceUnavailableException.class).isThrownBy(() -> client.revisions(EDITOR, 42));
	}

	private Request lastRequest(String method, String path) {
		List<Request> matching = server.requests()
			.stream()
			.filter((request) -> request.method().equals(method) && request.path().equals(path))
			.toList();
		assertThat(matching).as("requests to " + method + " " + path).isNotEmpty();
		return matching.get(matching.size() - 1);
	}

	static JsonNode claimsOf(Request request) {
		String authorization = request.headers().get("Authorization").get(0);
		assertThat(authorization).startsWith("Bearer ");
		String payload = authorization.substring("Bearer ".length()).split("\\.")[1];
		return json.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
	}

}
