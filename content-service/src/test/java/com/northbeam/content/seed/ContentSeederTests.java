package com.northbeam.content.seed;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.northbeam.content.ContentServiceTest;
import com.northbeam.content.Editor;
import com.northbeam.content.article.ArticleEditing;
import com.northbeam.content.article.RelatedLinks;
import com.northbeam.content.faq.Faqs;
import com.northbeam.content.system.ContentProperties;
import com.northbeam.testsupport.TestTokenIssuer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@ContentServiceTest
class ContentSeederTests {

	static final String GUIDE = "co-managed-vs-fully-managed-it";

	static final List<String> RELATED = List.of("signs-you-have-outgrown-internal-it",
			"what-managed-it-services-include", "cybersecurity-guide-for-small-businesses", "break-fix-vs-managed-it",
			"managed-it-and-employee-productivity", "it-services");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestTokenIssuer tokens;

	@Autowired
	ContentSeeder seeder;

	@Autowired
	ArticleEditing articles;

	@Autowired
	RelatedLinks relatedLinks;

	@Autowired
	Faqs faqs;

	@Autowired
	SeedRepository seeds;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	Clock clock;

	@Autowired
	ContentProperties properties;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aFreshInstallHasTheGuideTheRelatedArticlesAndTheFaqsPublished() {
		for (String slug : concat(List.of(GUIDE), RELATED)) {
			assertThat(mvc.get().uri("/api/articles/" + slug)).hasStatusOk();
		}
		JsonNode guide = read("/api/articles/" + GUIDE);
		assertThat(guide.get("kind").asString()).isEqualTo("guide");
		assertThat(guide.get("author").asString()).isEqualTo("Northbeam editorial team");
		assertThat(texts(guide.get("related"), "slug")).containsExactlyElementsOf(RELATED);
		assertThat(read("/api/articles/it-services").get("kind").asString()).isEqualTo("page");
	}

	@Test
	void seedingAgainInsertsNothing() {
		assertThat(seeder.seed()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM article WHERE slug = :slug")
			.param("slug", GUIDE)
			.query(Long.class)
			.single()).isOne();
		assertThat(
				jdbc.sql("SELECT COUNT(*) FROM faq WHERE question = 'Is co-managed IT cheaper than fully managed IT?'")
					.query(Long.class)
					.single())
			.isOne();
	}

	@Test
	void restartsAndUpgradesInsertOnlyWhatWasNeverSeededAndNeverOverwriteEdits() {
		assertThat(seederFor("v1").seed()).isEqualTo(2);
		Editor editor = new Editor(mvc, tokens);
		long id = jdbc.sql("SELECT id FROM article WHERE slug = 'seed-test-article'").query(Long.class).single();
		JsonNode shipped = Editor.json(editor.get("/api/editor/articles/" + id));
		Map<String, Object> edit = Editor.form("seed-test-article", "Edited title", "Edited body.",
				List.of("seed-test"));
		edit.put("version", shipped.get("version").asInt());
		assertThat(editor.put("/api/editor/articles/" + id, edit)).hasStatusOk();
		long faqId = jdbc.sql("SELECT id FROM faq WHERE question = 'Shipped question?'").query(Long.class).single();
		assertThat(mvc.delete()
			.uri("/api/editor/faqs/" + faqId)
			.header("Authorization", "Bearer " + tokens.token("editor@northbeam.test", "content:write")))
			.hasStatus(204);

		assertThat(seederFor("v1").seed()).as("a restart").isZero();
		assertThat(seederFor("v2").seed()).as("an upgrade shipping one new article").isOne();

		JsonNode kept = read("/api/articles/seed-test-article");
		assertThat(kept.get("title").asString()).isEqualTo("Edited title");
		assertThat(kept.get("html").asString()).contains("Edited body.");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM faq WHERE question = 'Shipped question?'").query(Long.class).single())
			.as("a deleted shipped FAQ stays deleted")
			.isZero();
		JsonNode added = read("/api/articles/seed-test-new-article");
		assertThat(texts(added.get("related"), "slug")).containsExactly("seed-test-article");
	}

	@Test
	void theGuideCoversEveryPointOfTheBrief() {
		JsonNode guide = read("/api/articles/" + GUIDE);
		assertThat(texts(guide.get("toc"), "id")).as("the anchors of docs/conventions.md, in reading order")
			.containsExactly("why-the-support-model-matters", "what-is-co-managed-it", "what-is-fully-managed-it",
					"side-by-side-comparison", "when-co-managed-it-makes-sense", "internal-team-overloaded",
					"missing-specialised-skills", "growth-outpacing-capacity", "limited-coverage",
					"when-fully-managed-it-makes-sense", "no-dedicated-it-team", "technology-getting-complex",
					"predictable-operations", "hiring-is-hard", "cost-considerations", "common-misconceptions",
					"questions-to-ask-before-choosing", "typical-progression", "choosing-the-right-model", "faq");
		Element html = Jsoup.parseBodyFragment(guide.get("html").asString()).body();

		// 1. Framing
		assertThat(section(html, "why-the-support-model-matters")).contains("how much of IT should stay internal");
		// 2. Co-managed: what the provider may help with, and the link
		String coManaged = section(html, "what-is-co-managed-it");
		assertThat(coManaged).contains("expanding the team, not replacing it", "Help desk", "Monitoring",
				"Security management", "Cloud administration", "Infrastructure management", "Project execution",
				"Escalation support", "Specialized expertise", "business-specific priorities");
		assertThat(links(html, "what-is-co-managed-it")).contains("/articles/signs-you-have-outgrown-internal-it");
		// 3. Fully managed
		assertThat(section(html, "what-is-fully-managed-it")).contains("User support", "Devices", "Monitoring",
				"Infrastructure", "Cybersecurity", "Cloud environments", "Vendor coordination", "Strategic planning",
				"Leadership still decides");
		assertThat(links(html, "what-is-fully-managed-it")).contains("/articles/what-managed-it-services-include");
		// 4. The comparison table: a header row and eight areas, both models
		Element table = html.selectFirst("table");
		assertThat(table).isNotNull();
		assertThat(table.select("thead th").eachText()).containsExactly("Area", "Co-managed IT", "Fully managed IT");
		List<List<String>> rows = table.select("tbody tr").stream().map((row) -> row.select("td").eachText()).toList();
		assertThat(rows).hasSize(8)
			.allSatisfy((row) -> assertThat(row).hasSize(3).allSatisfy((cell) -> assertThat(cell).isNotBlank()));
		assertThat(rows.stream().map((row) -> row.get(0))).containsExactly("Internal IT team", "Daily support",
				"Monitoring", "Strategic planning", "Infrastructure", "Security", "Flexibility", "Operational control");
		assertThat(rows.get(0)).containsExactly("Internal IT team", "Remains in place", "Minimal or none");
		assertThat(rows.get(6)).containsExactly("Flexibility", "High", "High");
		assertThat(rows.get(7)).containsExactly("Operational control", "Higher internal control",
				"Simplified operations");
		assertThat(section(html, "side-by-side-comparison")).contains("Neither model is automatically better");
		// 5. When co-managed makes sense
		assertThat(section(html, "internal-team-overloaded")).contains("support requests", "device issues",
				"maintenance", "backlog");
		assertThat(section(html, "missing-specialised-skills")).contains("cybersecurity", "cloud migrations",
				"Microsoft 365", "infrastructure modernization", "compliance");
		assertThat(section(html, "growth-outpacing-capacity")).contains("employees", "devices", "tickets",
				"applications", "security requirements", "scales faster");
		assertThat(section(html, "limited-coverage")).contains("vacations", "after-hours", "24/7 monitoring");
		assertThat(links(html, "limited-coverage")).contains("/articles/cybersecurity-guide-for-small-businesses");
		// 6. When fully managed makes sense
		assertThat(section(html, "no-dedicated-it-team")).contains("operations manager", "office manager", "tech-savvy",
				"sustainable");
		assertThat(section(html, "technology-getting-complex")).contains("Cloud", "remote", "security controls",
				"collaboration platforms");
		assertThat(section(html, "predictable-operations")).contains("centralized support", "consistent reporting",
				"defined processes", "clear accountability");
		assertThat(section(html, "hiring-is-hard")).contains("Recruiting and retaining technical talent");
		assertThat(links(html, "hiring-is-hard")).contains("/articles/it-services");
		// 7. Cost
		assertThat(section(html, "cost-considerations")).contains("salaries", "recruiting", "benefits", "training",
				"monitoring platforms", "service agreement", "specialized projects", "security add-ons",
				"may look cheaper at first", "hidden operational costs", "stronger outcomes");
		// 8. Misconceptions
		assertThat(section(html, "common-misconceptions")).contains("Fully managed means losing control",
				"Co-managed means our internal team failed", "Managed IT replaces internal knowledge");
		assertThat(links(html, "common-misconceptions")).contains("/articles/break-fix-vs-managed-it");
		// 9. Questions to ask: seven of them
		assertThat(html.select("#questions-to-ask-before-choosing ~ ol").first().select("li")).hasSize(7);
		// 10. Typical progression
		assertThat(section(html, "typical-progression")).contains("Small businesses", "fully managed IT",
				"Growing companies", "co-managed IT", "Large organizations", "hybrid structure",
				"without overwhelming");
		assertThat(links(html, "typical-progression")).contains("/articles/managed-it-and-employee-productivity");
		// 11. Closing and call to action
		assertThat(section(html, "choosing-the-right-model")).contains("structure your operations", "co-managed IT",
				"fewer operational responsibilities");
		assertThat(links(html, "choosing-the-right-model")).contains("/assessment", "/articles/it-services");
		// 12. The five FAQs
		assertThat(texts(guide.get("faqs"), "question")).containsExactly(
				"Is co-managed IT cheaper than fully managed IT?",
				"Can we keep our internal IT team with managed services?",
				"Does fully managed IT include cybersecurity?",
				"Can we switch from co-managed to fully managed IT later?",
				"Which model works better for mid-sized businesses?");
		assertThat(texts(guide.get("faqs"), "answerHtml")).allSatisfy((answer) -> assertThat(answer).startsWith("<p>"));
	}

	@Test
	void theSixRelatedArticlesAreRealArticlesOfSixHundredToTwelveHundredWords() {
		for (String slug : RELATED) {
			JsonNode article = read("/api/articles/" + slug);
			String text = Jsoup.parseBodyFragment(article.get("html").asString()).text();
			assertThat(text.split("\\s+").length).as(slug).isBetween(600, 1200);
			assertThat(texts(article.get("tags"), null)).as(slug).isNotEmpty();
			assertThat(article.get("related").size()).as(slug).isGreaterThanOrEqualTo(3);
			assertThat(article.get("html").asString()).as(slug).contains("/articles/co-managed-vs-fully-managed-it");
		}
	}

	private ContentSeeder seederFor(String version) {
		ContentProperties.Seed seed = new ContentProperties.Seed(true, "classpath*:seed-test/" + version,
				"Test author");
		ContentProperties testProperties = new ContentProperties(properties.http(), properties.cache(), seed,
				properties.listing(), properties.server());
		return new ContentSeeder(articles, relatedLinks, faqs, seeds, transaction, clock, testProperties);
	}

	private JsonNode read(String uri) {
		MvcTestResult result = mvc.get().uri(uri).exchange();
		assertThat(result).hasStatusOk();
		return Editor.json(result);
	}

	/** The text under a heading, up to the next heading of the same or a higher level. */
	private static String section(Element body, String id) {
		return sectionElements(body, id).stream().map(Element::text).reduce("", (a, b) -> a + " " + b);
	}

	private static List<String> links(Element body, String id) {
		return sectionElements(body, id).stream()
			.flatMap((element) -> element.select("a").eachAttr("href").stream())
			.toList();
	}

	private static List<Element> sectionElements(Element body, String id) {
		Element heading = body.getElementById(id);
		assertThat(heading).as(id).isNotNull();
		int level = Integer.parseInt(heading.tagName().substring(1));
		List<Element> elements = new ArrayList<>();
		for (Element next = heading.nextElementSibling(); next != null; next = next.nextElementSibling()) {
			if (next.tagName().matches("h[1-6]") && Integer.parseInt(next.tagName().substring(1)) <= level) {
				break;
			}
			elements.add(next);
		}
		return elements;
	}

	private static List<String> texts(JsonNode array, String field) {
		List<String> texts = new ArrayList<>();
		array.forEach((item) -> texts.add((field != null) ? item.get(field).asString() : item.asString()));
		return texts;
	}

	private static <T> List<T> concat(List<T> a, List<T> b) {
		List<T> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

}
