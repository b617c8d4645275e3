package com.northbeam.content.article;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.northbeam.content.ContentServiceTest;
import com.northbeam.content.Editor;
import com.northbeam.content.TestClock;
import com.northbeam.content.system.PublicResponses;
import com.northbeam.testsupport.TestTokenIssuer;
import org.junit.jupiter.api.AfterEach;
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
class ArticleEditorControllerTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestTokenIssuer tokens;

	@Autowired
	TestClock clock;

	@Autowired
	PublicResponses responses;

	Editor editor;

	@BeforeEach
	void editor() {
		editor = new Editor(mvc, tokens);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
		responses.evictAll();
	}

	@Test
	void draftsAreInvisibleUntilPublishedAndListedForEditors() {
		String slug = unique("draft");
		JsonNode draft = editor.create(Editor.form(slug, "A draft", "Body with **bold** text.", List.of("drafts")));
		assertThat(draft.get("status").asString()).isEqualTo("draft");
		assertThat(draft.get("html").asString()).isEqualTo("<p>Body with <strong>bold</strong> text.</p>\n");
		assertThat(mvc.get().uri("/api/articles/" + slug)).hasStatus(404);
		assertThat(slugs(Editor.json(editor.get("/api/editor/articles?status=draft")))).contains(slug);

		editor.publish(draft);
		assertThat(mvc.get().uri("/api/articles/" + slug)).hasStatusOk();
		assertThat(slugs(Editor.json(editor.get("/api/editor/articles?status=draft")))).doesNotContain(slug);
		assertThat(slugs(Editor.json(editor.get("/api/editor/articles?status=published")))).contains(slug);
	}

	@Test
	void aStaleVersionIsAConflictAndChangesNothing() {
		JsonNode article = editor.createPublished(unique("stale"), "Original", "Original body.", List.of());
		long id = article.get("id").asLong();
		Map<String, Object> first = Editor.form(article.get("slug").asString(), "First edit", "Body.", List.of());
		first.put("version", article.get("version").asInt());
		assertThat(editor.put("/api/editor/articles/" + id, first)).hasStatusOk();

		Map<String, Object> second = Editor.form(article.get("slug").asString(), "Second edit", "Body.", List.of());
		second.put("version", article.get("version").asInt());
		MvcTestResult conflict = editor.put("/api/editor/articles/" + id, second);
		assertThat(conflict).hasStatus(409).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = Editor.json(conflict);
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("version");
		assertThat(problem.get("currentVersion").asInt()).isEqualTo(article.get("version").asInt() + 1);
		assertThat(Editor.json(editor.get("/api/editor/articles/" + id)).get("title").asString())
			.isEqualTo("First edit");
	}

	@Test
	void everySaveKeepsThePreviousVersionAndAnEditorCanRestoreOne() {
		String slug = unique("revised");
		JsonNode article = editor.createPublished(slug, "Version one", "First body.", List.of("one"));
		long id = article.get("id").asLong();
		Map<String, Object> edit = Editor.form(slug, "Version two", "Second body.", List.of("two"));
		edit.put("version", article.get("version").asInt());
		JsonNode edited = Editor.json(editor.put("/api/editor/articles/" + id, edit));

		JsonNode revisions = Editor.json(editor.get("/api/editor/articles/" + id + "/revisions"));
		assertThat(revisions.size()).as("publishing and editing each kept the state before").isEqualTo(2);
		assertThat(revisions.get(0).get("revision").asInt()).isEqualTo(2);
		assertThat(revisions.get(0).get("title").asString()).isEqualTo("Version one");
		assertThat(revisions.get(1).get("status").asString()).isEqualTo("draft");
		JsonNode revision = Editor.json(editor.get("/api/editor/articles/" + id + "/revisions/2"));
		assertThat(revision.get("body").asString()).isEqualTo("First body.");

		MvcTestResult restored = editor.post("/api/editor/articles/" + id + "/revisions/2/restore",
				Map.of("version", edited.get("version").asInt()));
		assertThat(restored).hasStatusOk();
		JsonNode now = Editor.json(restored);
		assertThat(now.get("title").asString()).isEqualTo("Version one");
		assertThat(now.get("tags").get(0).asString()).isEqualTo("one");
		assertThat(now.get("status").asString()).isEqualTo("published");
		assertThat(Editor.json(editor.get("/api/editor/articles/" + id + "/revisions")).size()).isEqualTo(3);
		JsonNode published = Editor.json(mvc.get().uri("/api/articles/" + slug).exchange());
		assertThat(published.get("html").asString()).contains("First body.");
		assertThat(editor.post("/api/editor/articles/" + id + "/revisions/99/restore",
				Map.of("version", now.get("version").asInt())))
			.hasStatus(404);
	}

	@Test
	void aChangedSlugKeepsTheOldOneAnsweringWithTheNewOne() {
		String oldSlug = unique("old");
		String newSlug = unique("new");
		JsonNode article = editor.createPublished(oldSlug, "Moving", "Body.", List.of());
		assertThat(mvc.get().uri("/api/articles/" + oldSlug)).hasStatusOk();
		Map<String, Object> rename = Editor.form(newSlug, "Moving", "Body.", List.of());
		rename.put("version", article.get("version").asInt());
		JsonNode renamed = Editor.json(editor.put("/api/editor/articles/" + article.get("id").asLong(), rename));
		assertThat(renamed.get("previousSlugs").get(0).asString()).isEqualTo(oldSlug);

		MvcTestResult moved = mvc.get().uri("/api/articles/" + oldSlug).exchange();
		assertThat(moved).hasStatus(301).hasHeader(HttpHeaders.LOCATION, "/api/articles/" + newSlug);
		assertThat(Editor.json(moved).get("slug").asString()).isEqualTo(newSlug);
		assertThat(mvc.get().uri("/api/articles/" + newSlug)).hasStatusOk();

		// The old slug is free for the article itself again.
		Map<String, Object> back = Editor.form(oldSlug, "Moving", "Body.", List.of());
		back.put("version", renamed.get("version").asInt());
		assertThat(editor.put("/api/editor/articles/" + article.get("id").asLong(), back)).hasStatusOk();
		assertThat(mvc.get().uri("/api/articles/" + oldSlug)).hasStatusOk();
		assertThat(mvc.get().uri("/api/articles/" + newSlug)).hasStatus(301);
	}

	@Test
	void aScheduledArticleGoesLiveAtItsTimeWithoutARestartOrAWrite() {
		String slug = unique("scheduled");
		JsonNode draft = editor.create(Editor.form(slug, "Scheduled", "Body.", List.of("scheduled-test")));
		Instant publishAt = clock.instant().plus(Duration.ofHours(1));
		MvcTestResult scheduled = editor.post("/api/editor/articles/" + draft.get("id").asLong() + "/schedule",
				Map.of("version", draft.get("version").asInt(), "publishAt", publishAt.toString()));
		assertThat(scheduled).hasStatusOk();
		assertThat(Editor.json(scheduled).get("status").asString()).isEqualTo("scheduled");
		assertThat(mvc.get().uri("/api/articles/" + slug)).hasStatus(404);
		assertThat(mvc.get().uri("/api/articles?tag=scheduled-test")).bodyJson()
			.extractingPath("$.totalItems")
			.isEqualTo(0);

		clock.advance(Duration.ofMinutes(61));

		assertThat(mvc.get().uri("/api/articles/" + slug)).hasStatusOk();
		assertThat(mvc.get().uri("/api/articles?tag=scheduled-test")).bodyJson()
			.extractingPath("$.totalItems")
			.isEqualTo(1);
		assertThat(Editor.json(editor.get("/api/editor/articles/" + draft.get("id").asLong())).get("status").asString())
			.isEqualTo("published");
	}

	@Test
	void schedulingInThePastOrBeyondAnyCalendarIsRefused() {
		JsonNode draft = editor.create(Editor.form(unique("past"), "Past", "Body.", List.of()));
		for (String publishAt : List.of("2020-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z")) {
			MvcTestResult refused = editor.post("/api/editor/articles/" + draft.get("id").asLong() + "/schedule",
					Map.of("version", draft.get("version").asInt(), "publishAt", publishAt));
			assertThat(refused).as(publishAt).hasStatus(400);
			assertThat(fields(refused)).containsExactly("publishAt");
		}
	}

	@Test
	void unpublishingAndArchivingHideAnArticle() {
		String slug = unique("hidden");
		JsonNode article = editor.createPublished(slug, "Hidden", "Body.", List.of());
		long id = article.get("id").asLong();
		JsonNode unpublished = Editor.json(editor.post("/api/editor/articles/" + id + "/unpublish",
				Map.of("version", article.get("version").asInt())));
		assertThat(unpublished.get("status").asString()).isEqualTo("draft");
		assertThat(mvc.get().uri("/api/articles/" + slug)).hasStatus(404);
		JsonNode republished = editor.publish(unpublished);
		assertThat(mvc.get().uri("/api/articles/" + slug)).hasStatusOk();
		JsonNode archived = Editor.json(editor.post("/api/editor/articles/" + id + "/archive",
				Map.of("version", republished.get("version").asInt())));
		assertThat(archived.get("status").asString()).isEqualTo("archived");
		assertThat(mvc.get().uri("/api/articles/" + slug)).hasStatus(404);
	}

	@Test
	void badInputIsRefusedNamingEachFieldAndNothingIsStored() {
		String slug = unique("bad");
		Map<String, Object> form = Editor.form("Not A Slug!", null, "x".repeat(ArticleForm.MAX_BODY + 1),
				List.of("Bad Tag"));
		MvcTestResult invalid = editor.post("/api/editor/articles", form);
		assertThat(invalid).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(fields(invalid)).containsExactlyInAnyOrder("slug", "title", "body", "tags[0]");

		Map<String, Object> unknownField = Editor.form(slug, "Title", "Body.", List.of());
		unknownField.put("colour", "blue");
		assertThat(fields(editor.post("/api/editor/articles", unknownField))).containsExactly("colour");

		Map<String, Object> wrongType = Editor.form(slug, "Title", "Body.", List.of());
		wrongType.put("kind", "newsletter");
		assertThat(fields(editor.post("/api/editor/articles", wrongType))).containsExactly("kind");
		assertThat(fields(editor.post("/api/editor/articles", "{\"slug\": \"" + slug + "\", \"tags\": {\"a\": 1}}")))
			.containsExactly("tags");

		assertThat(slugs(Editor.json(editor.get("/api/editor/articles")))).doesNotContain(slug, "Not A Slug!");
	}

	@Test
	void aDuplicateSlugIsAConflict() {
		String slug = unique("taken");
		editor.create(Editor.form(slug, "First", "Body.", List.of()));
		MvcTestResult duplicate = editor.post("/api/editor/articles", Editor.form(slug, "Second", "Body.", List.of()));
		assertThat(duplicate).hasStatus(409);
		assertThat(fields(duplicate)).containsExactly("slug");

		JsonNode other = editor.create(Editor.form(unique("other"), "Other", "Body.", List.of()));
		Map<String, Object> rename = Editor.form(slug, "Other", "Body.", List.of());
		rename.put("version", other.get("version").asInt());
		MvcTestResult renameConflict = editor.put("/api/editor/articles/" + other.get("id").asLong(), rename);
		assertThat(renameConflict).hasStatus(409);
		assertThat(fields(renameConflict)).containsExactly("slug");
		assertThat(Editor.json(editor.get("/api/editor/articles/" + other.get("id").asLong() + "/revisions")).size())
			.as("the refused save kept no revision")
			.isZero();
	}

	@Test
	void curatedRelatedArticlesComeFirstAndAreToppedUpFromSharedTags() {
		String tag = unique("topic");
		String other = unique("other-topic");
		JsonNode main = editor.createPublished(unique("main"), "Main", "Body.", List.of(tag, other));
		JsonNode sharesBoth = editor.createPublished(unique("both"), "Shares both tags", "Body.", List.of(tag, other));
		JsonNode sharesOne = editor.createPublished(unique("one"), "Shares one tag", "Body.", List.of(tag));
		JsonNode curated = editor.createPublished(unique("curated"), "Curated", "Body.", List.of("unrelated"));
		editor.createPublished(unique("unrelated"), "Unrelated", "Body.", List.of("unrelated"));
		JsonNode draft = editor.create(Editor.form(unique("draft"), "Draft shares", "Body.", List.of(tag, other)));

		MvcTestResult related = editor.put("/api/editor/articles/" + main.get("id").asLong() + "/related",
				Map.of("slugs", List.of(curated.get("slug").asString())));
		assertThat(related).hasStatusOk();
		assertThat(Editor.json(related).get("related").get(0).asString()).isEqualTo(curated.get("slug").asString());

		JsonNode published = Editor.json(mvc.get().uri("/api/articles/" + main.get("slug").asString()).exchange());
		assertThat(slugs(published.get("related")))
			.containsExactly(curated.get("slug").asString(), sharesBoth.get("slug").asString(),
					sharesOne.get("slug").asString())
			.doesNotContain(draft.get("slug").asString());

		MvcTestResult unknown = editor.put("/api/editor/articles/" + main.get("id").asLong() + "/related", Map
			.of("slugs", List.of(curated.get("slug").asString(), "no-such-article", main.get("slug").asString())));
		assertThat(unknown).hasStatus(400);
		assertThat(fields(unknown)).containsExactly("slugs[1]", "slugs[2]");
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static List<String> fields(MvcTestResult result) {
		List<String> fields = new ArrayList<>();
		Editor.json(result).get("errors").forEach((error) -> fields.add(error.get("field").asString()));
		return fields;
	}

	static List<String> slugs(JsonNode array) {
		List<String> slugs = new ArrayList<>();
		array.forEach((item) -> slugs.add(item.get("slug").asString()));
		return slugs;
	}

}
