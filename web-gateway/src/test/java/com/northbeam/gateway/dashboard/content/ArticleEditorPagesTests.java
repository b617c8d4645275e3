package com.northbeam.gateway.dashboard.content;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.gateway.client.ContentClient.ArticleLookup;
import com.northbeam.gateway.site.SiteContent;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class ArticleEditorPagesTests {

	static final String XSS = "<script>alert('x')</script>";

	static final String XSS_ESCAPED = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;";

	static final List<String> GET_ROUTES = List.of("/dashboard/content", "/dashboard/content?status=draft&kind=guide",
			"/dashboard/content/articles/new", "/dashboard/content/articles/7",
			"/dashboard/content/articles/7/revisions", "/dashboard/content/articles/7/revisions/1",
			"/dashboard/content/faqs", "/dashboard/content/faqs/3");

	static final List<String> POST_ROUTES = List.of("/dashboard/content/articles",
			"/dashboard/content/articles/preview", "/dashboard/content/preview", "/dashboard/content/articles/7",
			"/dashboard/content/articles/7/preview", "/dashboard/content/articles/7/publish",
			"/dashboard/content/articles/7/schedule", "/dashboard/content/articles/7/unpublish",
			"/dashboard/content/articles/7/archive", "/dashboard/content/articles/7/related",
			"/dashboard/content/articles/7/revisions/1/restore", "/dashboard/content/faqs", "/dashboard/content/faqs/3",
			"/dashboard/content/faqs/3/delete", "/dashboard/content/faqs/3/move");

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	@Qualifier("content")
	FakeHttpServer content;

	@Autowired
	SiteContent siteContent;

	@BeforeEach
	void fakeContentService() {
		content.respond("GET", "/api/editor/articles", Response.json("""
				[{"id":7,"slug":"patching-basics","kind":"article","title":"%s Patching","status":"draft",
				  "publishAt":null,"updatedAt":"2026-11-02T10:00:00Z","version":3},
				 {"id":8,"slug":"the-guide","kind":"guide","title":"The big guide","status":"published",
				  "publishAt":"2026-10-01T08:00:00Z","updatedAt":"2026-10-01T08:00:00Z","version":9}]"""
			.formatted(XSS)));
		content.respond("GET", "/api/editor/articles/7", Response.json(article(3, "Our text " + XSS, "draft")));
		content.respond("GET", "/api/editor/articles/7/revisions", Response.json("""
				[{"revision":1,"articleVersion":1,"slug":"patching-basics","title":"%s first","status":"draft",
				  "savedAt":"2026-11-01T10:00:00Z","savedBy":"erin@northbeam.test"}]""".formatted(XSS)));
		content.respond("GET", "/api/editor/articles/7/revisions/1",
				Response
					.json("""
							{"revision":1,"articleVersion":1,"slug":"patching-basics","kind":"article","title":"First title",
							 "summary":"s","body":"Old body %s","tags":[],"status":"draft","publishAt":null,"author":"A",
							 "seoTitle":null,"seoDescription":null,"savedAt":"2026-11-01T10:00:00Z","savedBy":"erin@northbeam.test"}"""
						.formatted(XSS)));
		content.respond("GET", "/api/editor/faqs", Response.json(FaqEditorPagesTests.FAQS));
		content.respond("POST", "/api/editor/preview", Response.json("{\"html\":\"<p>Preview</p>\",\"toc\":[]}"));
	}

	@Test
	void onlyEditorsAndAdminsReachTheContentPages() {
		for (String route : GET_ROUTES) {
			assertThat(mvc.get().uri(route)).as(route).hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
			assertThat(mvc.get().uri(route).with(sales())).as(route).hasStatus(403);
			assertThat(mvc.get().uri(route).with(editor())).as(route).hasStatusOk();
			assertThat(mvc.get().uri(route).with(admin())).as(route).hasStatusOk();
		}
	}

	@Test
	void theDashboardLinksToContentOnlyForThoseWhoMayEditIt() {
		assertThat(mvc.get().uri("/dashboard").with(editor())).hasStatusOk()
			.bodyText()
			.contains("href=\"/dashboard/content\"", "Edit content");
		assertThat(mvc.get().uri("/dashboard").with(admin())).hasStatusOk()
			.bodyText()
			.contains("href=\"/dashboard/content\"");
		assertThat(mvc.get().uri("/dashboard").with(sales())).hasStatusOk()
			.bodyText()
			.doesNotContain("href=\"/dashboard/content\"");
	}

	@Test
	void contentPagesAreNeverCachedAndAllowNoInlineScript() {
		assertThat(mvc.get().uri("/dashboard/content/articles/7").with(editor())).hasStatusOk()
			.headers()
			.hasValue("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate")
			.satisfies((headers) -> assertThat(headers.getFirst("Content-Security-Policy"))
				.contains("script-src 'self'", "frame-ancestors 'none'")
				.doesNotContain("unsafe-inline"));
	}

	@Test
	void everyFormPostNeedsTheCsrfTokenAndTheRole() {
		int before = content.requests().size();
		for (String route : POST_ROUTES) {
			assertThat(mvc.post().uri(route).with(editor()).param("version", "3")).as(route).hasStatus(403);
			assertThat(mvc.post().uri(route).with(admin()).param("version", "3")).as(route).hasStatus(403);
			assertThat(mvc.post().uri(route).with(csrf()).param("version", "3")).as(route)
				.hasStatus3xxRedirection()
				.redirectedUrl()
				.endsWith("/login");
			assertThat(mvc.post().uri(route).with(sales()).with(csrf()).param("version", "3")).as(route).hasStatus(403);
		}
		assertThat(content.requests().subList(before, content.requests().size()))
			.noneMatch((request) -> !request.method().equals("GET"));
	}

	@Test
	void theListShowsEveryStatusAndFiltersByKind() {
		assertThat(mvc.get().uri("/dashboard/content").with(editor())).hasStatusOk()
			.bodyText()
			.contains("Patching", "The big guide", "Draft", "Published");
		assertThat(mvc.get().uri("/dashboard/content?kind=guide").with(editor())).hasStatusOk()
			.bodyText()
			.contains("The big guide")
			.doesNotContain("patching-basics");
	}

	@Test
	void whatEditorsTypedIsEscapedAndOnlyContentServicesSanitisedHtmlIsRenderedAsHtml() {
		for (String route : List.of("/dashboard/content", "/dashboard/content/articles/7",
				"/dashboard/content/articles/7/revisions", "/dashboard/content/articles/7/revisions/1")) {
			assertThat(mvc.get().uri(route).with(editor())).as(route)
				.hasStatusOk()
				.bodyText()
				.contains(XSS_ESCAPED)
				.doesNotContain(XSS);
		}
		assertThat(mvc.get().uri("/dashboard/content/articles/7").with(editor())).bodyText()
			.contains("<h2 id=\"patch\">Patch</h2><p>Sanitised <strong>html</strong></p>");
	}

	@Test
	void thePreviewButtonShowsContentServicesRenderingForTheEditorAndKeepsTheInput() {
		String body = "## Costs\n\nA **bold** claim " + XSS + " [link](javascript:alert(1))";
		content.respond("POST", "/api/editor/preview", Response.json("""
				{"html":"<h2>Costs</h2><p>A <strong>bold</strong> claim  <a>link</a></p>",
				 "toc":[{"id":"costs","text":"Costs","level":2}]}"""));
		int before = content.requests().size();

		assertThat(mvc.post()
			.uri("/dashboard/content/articles/7/preview")
			.with(editor())
			.with(csrf())
			.param("title", "Typed title")
			.param("slug", "patching-basics")
			.param("kind", "article")
			.param("summary", "S")
			.param("body", body)
			.param("version", "3")).hasStatusOk()
			.bodyText()
			.contains("<h2>Costs</h2>", "<strong>bold</strong>", "value=\"Typed title\"", XSS_ESCAPED,
					"Preview of your text")
			.doesNotContain(XSS, "href=\"javascript");
		assertThat(content.requests().subList(before, content.requests().size()))
			.noneMatch((request) -> request.method().equals("PUT"));
		Request preview = lastRequest("POST", "/api/editor/preview");
		assertThat(json.readTree(preview.body()).get("body").asString()).isEqualTo(body);
		assertThat(claimsOf(preview).get("sub").asString()).isEqualTo("erin.editor@northbeam.test");
		assertThat(claimsOf(preview).get("scope").asString()).isEqualTo("content:write");
	}

	@Test
	void theLivePreviewAnswersWithThePreviewAlone() {
		content.respond("POST", "/api/editor/preview", Response.json("{\"html\":\"<p><em>hi</em> </p>\",\"toc\":[]}"));

		assertThat(
				mvc.post().uri("/dashboard/content/preview").with(editor()).with(csrf()).param("body", "*hi* " + XSS))
			.hasStatusOk()
			.bodyText()
			.contains("id=\"content-preview\"", "<em>hi</em>")
			.doesNotContain(XSS, "<nav");
	}

	@Test
	void whileContentServiceCannotPreviewThePageSaysSoAndKeepsTheTextToSave() {
		content.respond("POST", "/api/editor/preview", Response.status(503));

		assertThat(mvc.post()
			.uri("/dashboard/content/articles/preview")
			.with(editor())
			.with(csrf())
			.param("title", "Typed title")
			.param("body", "Kept body")).hasStatusOk()
			.bodyText()
			.contains("id=\"content-preview-unavailable\"", "The preview cannot be shown right now",
					"value=\"Typed title\"", "Kept body", "id=\"article-save\"");
	}

	@Test
	void aBodyContentServiceRefusesIsNamedInThePreview() {
		content.respond("POST", "/api/editor/preview", new Response(400, "application/problem+json", """
				{"status":400,"errors":[{"field":"body","message":"must be at most 200000 characters"}]}""",
				Duration.ZERO));

		assertThat(mvc.post().uri("/dashboard/content/preview").with(editor()).with(csrf()).param("body", "too long"))
			.hasStatusOk()
			.bodyText()
			.contains("id=\"content-preview-refused\"", "must be at most 200000 characters");
	}

	@Test
	void badInputIsShownNextToTheFieldWithTheInputKept() {
		content.respond("POST", "/api/editor/articles", new Response(400, "application/problem+json", """
				{"status":400,"detail":"The request has invalid fields.",
				 "errors":[{"field":"slug","message":"must be lower-case letters, digits and single dashes"},
				           {"field":"tags[1]","message":"must be lower-case letters, digits and single dashes"},
				           {"field":"title","message":"must not be blank"}]}""", Duration.ZERO));

		assertThat(mvc.post()
			.uri("/dashboard/content/articles")
			.with(editor())
			.with(csrf())
			.param("slug", "Bad Slug")
			.param("kind", "article")
			.param("title", "")
			.param("summary", "Kept summary")
			.param("body", "Kept body " + XSS)
			.param("tags", "ok, Not OK")).hasStatusOk()
			.bodyText()
			.contains("id=\"article-slug-error\"", "must be lower-case letters, digits and single dashes",
					"id=\"article-tags-error\"", "id=\"article-title-error\"", "must not be blank")
			.contains("value=\"Bad Slug\"", "Kept summary", "Kept body " + XSS_ESCAPED, "value=\"ok, Not OK\"");
	}

	@Test
	void aStaleEditShowsTheNewerStateBesideTheEditorsTextInsteadOfOverwriting() {
		content.respond("PUT", "/api/editor/articles/7",
				new Response(409, "application/problem+json",
						"""
								{"status":409,"detail":"The article was changed by someone else since version 3 (it is now at version 4).",
								 "errors":[{"field":"version","message":"changed"}],"currentVersion":4}""",
						Duration.ZERO));
		content.respond("GET", "/api/editor/articles/7", Response.json(article(4, "Their newer text", "draft")));

		assertThat(mvc.post()
			.uri("/dashboard/content/articles/7")
			.with(editor())
			.with(csrf())
			.param("title", "My title")
			.param("slug", "patching-basics")
			.param("kind", "article")
			.param("summary", "S")
			.param("body", "My attempted text")
			.param("version", "3")).hasStatusOk()
			.bodyText()
			.contains("Someone else saved this article (now version 4)", "Their newer text", "My attempted text",
					"name=\"version\" value=\"4\"");
	}

	@Test
	void publishingGoesOutWithTheEditorsTokenAndTheSiteShowsTheChangeAtOnce() {
		content.respond("GET", "/api/articles/patching-basics", Response.json(publicArticle("Old title")));
		assertThat(siteContent.article("patching-basics")).isInstanceOfSatisfying(ArticleLookup.Found.class,
				(found) -> assertThat(found.article().title()).isEqualTo("Old title"));
		content.respond("GET", "/api/articles/patching-basics", Response.json(publicArticle("New title")));
		content.respond("POST", "/api/editor/articles/7/publish", Response.json(article(4, "Text", "published")));

		assertThat(mvc.post()
			.uri("/dashboard/content/articles/7/publish")
			.with(user("erin.editor@northbeam.test").roles("EDITOR"))
			.with(csrf())
			.param("version", "3")).hasStatus3xxRedirection()
			.redirectedUrl()
			.isEqualTo("/dashboard/content/articles/7");

		Request publish = lastRequest("POST", "/api/editor/articles/7/publish");
		JsonNode claims = claimsOf(publish);
		assertThat(claims.get("sub").asString()).isEqualTo("erin.editor@northbeam.test");
		assertThat(claims.get("scope").asString()).isEqualTo("content:write");
		assertThat(json.readTree(publish.body()).get("version").asInt()).isEqualTo(3);
		assertThat(siteContent.article("patching-basics")).isInstanceOfSatisfying(ArticleLookup.Found.class,
				(found) -> assertThat(found.article().title()).isEqualTo("New title"));
	}

	@Test
	void schedulingNeedsATimeAndSendsItAsUtc() {
		assertThat(mvc.post()
			.uri("/dashboard/content/articles/7/schedule")
			.with(editor())
			.with(csrf())
			.param("version", "3")
			.param("publishAt", "")).hasStatusOk().bodyText().contains("Choose a date and time for publishing.");

		content.respond("POST", "/api/editor/articles/7/schedule", Response.json(article(4, "Text", "scheduled")));
		assertThat(mvc.post()
			.uri("/dashboard/content/articles/7/schedule")
			.with(editor())
			.with(csrf())
			.param("version", "3")
			.param("publishAt", "2027-01-05T09:30")).hasStatus3xxRedirection();
		assertThat(json.readTree(lastRequest("POST", "/api/editor/articles/7/schedule").body())
			.get("publishAt")
			.asString()).isEqualTo("2027-01-05T09:30:00Z");
	}

	@Test
	void aStaleStatusChangeDoesNothingAndSaysSo() {
		content.respond("POST", "/api/editor/articles/7/archive", new Response(409, "application/problem+json", """
				{"status":409,"errors":[{"field":"version","message":"changed"}],"currentVersion":5}""",
				Duration.ZERO));

		assertThat(mvc.post()
			.uri("/dashboard/content/articles/7/archive")
			.with(editor())
			.with(csrf())
			.param("version", "3")).hasStatus3xxRedirection()
			.redirectedUrl()
			.isEqualTo("/dashboard/content/articles/7");
		assertThat(mvc.post()
			.uri("/dashboard/content/articles/7/archive")
			.with(editor())
			.with(csrf())
			.param("version", "3")).flash().containsEntry("staleMessage", "content.stale.status");
	}

	@Test
	void unpublishingSendsTheVersionSeen() {
		content.respond("POST", "/api/editor/articles/7/unpublish", Response.json(article(4, "Text", "draft")));

		assertThat(mvc.post()
			.uri("/dashboard/content/articles/7/unpublish")
			.with(editor())
			.with(csrf())
			.param("version", "3")).flash().containsEntry("message", "content.article.unpublish");
		assertThat(json.readTree(lastRequest("POST", "/api/editor/articles/7/unpublish").body()).get("version").asInt())
			.isEqualTo(3);
	}

	@Test
	void relatedLinksAreSentInTheOrderTyped() {
		content.respond("PUT", "/api/editor/articles/7/related", Response.json(article(3, "Text", "draft")));

		assertThat(mvc.post()
			.uri("/dashboard/content/articles/7/related")
			.with(editor())
			.with(csrf())
			.param("related", "what-managed-it-services-include\r\n\r\nbreak-fix-vs-managed-it\n"))
			.hasStatus3xxRedirection();

		assertThat(json.readTree(lastRequest("PUT", "/api/editor/articles/7/related").body()).get("slugs").toString())
			.isEqualTo("[\"what-managed-it-services-include\",\"break-fix-vs-managed-it\"]");
	}

	@Test
	void aRevisionIsRestoredFromTheVersionTheEditorSaw() {
		content.respond("POST", "/api/editor/articles/7/revisions/1/restore",
				Response.json(article(4, "Old", "draft")));

		assertThat(mvc.post()
			.uri("/dashboard/content/articles/7/revisions/1/restore")
			.with(editor())
			.with(csrf())
			.param("version", "3")).hasStatus3xxRedirection()
			.redirectedUrl()
			.isEqualTo("/dashboard/content/articles/7");

		assertThat(json.readTree(lastRequest("POST", "/api/editor/articles/7/revisions/1/restore").body())
			.get("version")
			.asInt()).isEqualTo(3);
	}

	@Test
	void anUnknownArticleIsTheNotFoundPage() {
		assertThat(mvc.get().uri("/dashboard/content/articles/404404").with(editor())).hasStatus(404);
	}

	static String article(int version, String body, String status) {
		return """
				{"id":7,"slug":"patching-basics","kind":"article","title":"Patching basics %s","summary":"Why patches matter",
				 "body":%s,"html":"<h2 id=\\"patch\\">Patch</h2><p>Sanitised <strong>html</strong></p>","toc":[],
				 "tags":["security"],"related":["break-fix-vs-managed-it"],"previousSlugs":[],"status":"%s",
				 "storedStatus":"%s","publishAt":null,"author":"Northbeam","seoTitle":null,"seoDescription":null,
				 "readingMinutes":1,"createdAt":"2026-11-01T10:00:00Z","updatedAt":"2026-11-02T10:00:00Z","version":%d}"""
			.formatted(XSS, json.writeValueAsString(body), status, status, version);
	}

	private static String publicArticle(String title) {
		return """
				{"slug":"patching-basics","kind":"article","title":"%s","summary":"s","html":"<p>x</p>"}"""
			.formatted(title);
	}

	private Request lastRequest(String method, String path) {
		List<Request> matching = content.requests()
			.stream()
			.filter((request) -> request.method().equals(method) && request.path().equals(path))
			.toList();
		assertThat(matching).as("requests to " + method + " " + path).isNotEmpty();
		return matching.get(matching.size() - 1);
	}

	static JsonNode claimsOf(Request request) {
		String authorization = request.headers().get("Authorization").get(0);
		String payload = authorization.substring("Bearer ".length()).split("\\.")[1];
		return json.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
	}

	static RequestPostProcessor sales() {
		return user("sam.sales@northbeam.test").roles("SALES");
	}

	static RequestPostProcessor editor() {
		return user("erin.editor@northbeam.test").roles("EDITOR");
	}

	static RequestPostProcessor admin() {
		return user("ada.admin@northbeam.test").roles("ADMIN");
	}

}
