package com.northbeam.assessment.brief;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.northbeam.assessment.AssessmentServiceTest;
import com.northbeam.assessment.lead.LeadFixtures;
import com.northbeam.assessment.lead.LeadPrivacy;
import com.northbeam.assessment.system.ConflictException;
import com.northbeam.testsupport.TestTokenIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The brief and the matrix in the lead detail and the result API, and sales edits of the
 * matrix on PostgreSQL: versioned, audited, {@code 409} on a stale version, the proposal
 * kept beside every edit, exported as CSV and Markdown.
 */
@AssessmentServiceTest
class ResponsibilityControllerTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestTokenIssuer tokens;

	@Autowired
	ObjectMapper json;

	@Autowired
	ResponsibilityEdits edits;

	@Autowired
	LeadPrivacy privacy;

	LeadFixtures leads;

	@BeforeEach
	void fixtures() {
		leads = new LeadFixtures(mvc, jdbc, tokens, json);
	}

	private JsonNode get(String uri, Object... vars) {
		MvcTestResult result = mvc.get().uri(uri, vars).header(HttpHeaders.AUTHORIZATION, leads.sales()).exchange();
		assertThat(result).hasStatusOk();
		return leads.body(result);
	}

	private MvcTestResult edit(UUID lead, String function, String body) {
		return mvc.post()
			.uri("/api/leads/{id}/responsibility/{function}", lead, function)
			.header(HttpHeaders.AUTHORIZATION, leads.sales())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private static JsonNode cell(JsonNode matrix, String function) {
		for (JsonNode cell : matrix.get("cells")) {
			if (cell.get("function").asString().equals(function)) {
				return cell;
			}
		}
		throw new AssertionError("no cell " + function);
	}

	private int edits(UUID lead) {
		return jdbc.sql("select count(*) from responsibility_edit where lead_id = :id")
			.param("id", lead)
			.query(Integer.class)
			.single();
	}

	@Test
	void theLeadDetailCarriesTheBriefAndTheMatrixAndTheResultOnlyTheMatrix() {
		UUID submission = leads.submit();
		JsonNode detail = get("/api/leads/{id}", leads.leadOf(submission));
		JsonNode brief = detail.get("callPrep");
		assertThat(brief.get("signals")).hasSize(3)
			.allSatisfy((signal) -> assertThat(signal.get("because").get(0).asString())
				.as("the answer behind %s", signal.get("code"))
				.containsPattern("\\? \\S"));
		assertThat(brief.get("painPoints").isEmpty()).isFalse();
		assertThat(brief.get("objections").isEmpty()).isFalse();
		assertThat(brief.get("cost").asString()).startsWith("Yearly: today ");
		assertThat(brief.get("nextStep").get("text").asString()).isNotBlank();
		assertThat(detail.get("responsibility").get("cells")).hasSize(12);
		assertThat(detail.get("responsibility").get("model").asString())
			.isEqualTo(detail.get("recommendation").asString());

		MvcTestResult result = mvc.get()
			.uri("/api/submissions/{id}", submission)
			.header(HttpHeaders.AUTHORIZATION, leads.gateway())
			.exchange();
		assertThat(result).hasStatusOk();
		JsonNode body = leads.body(result);
		assertThat(body.get("responsibility").get("cells")).hasSize(12);
		assertThat(body.has("callPrep")).isFalse();
		assertThat(body.get("contactGiven").asBoolean()).isTrue();
	}

	@Test
	void anEditIsVersionedAuditedAndKeepsTheProposalAndAStaleOneGetsAConflict() {
		UUID lead = leads.leadOf(leads.submit());
		String proposed = cell(get("/api/leads/{id}", lead).get("responsibility"), "vendor_coordination").get("owner")
			.asString();
		String changed = proposed.equals("provider") ? "internal" : "provider";

		MvcTestResult first = edit(lead, "vendor_coordination",
				"{\"version\":0,\"owner\":\"" + changed + "\",\"note\":\"  They run their own contracts  \"}");
		assertThat(first).hasStatusOk();
		JsonNode cell = cell(leads.body(first), "vendor_coordination");
		assertThat(cell.get("owner").asString()).isEqualTo(proposed);
		assertThat(cell.get("current").asString()).isEqualTo(changed);
		assertThat(cell.get("edit").get("version").asInt()).isEqualTo(1);
		assertThat(cell.get("edit").get("note").asString()).isEqualTo("They run their own contracts");
		assertThat(cell.get("edit").get("proposedOwner").asString()).isEqualTo(proposed);
		assertThat(cell.get("edit").get("editedBy").asString()).isEqualTo(LeadFixtures.SALES);

		MvcTestResult stale = edit(lead, "vendor_coordination", "{\"version\":0,\"owner\":\"shared\"}");
		assertThat(stale).hasStatus(409);
		assertThat(stale.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(leads.body(stale).get("errors").get(0).get("field").asString()).isEqualTo("version");
		assertThat(edits(lead)).isEqualTo(1);

		assertThat(edit(lead, "vendor_coordination", "{\"version\":1,\"owner\":\"shared\"}")).hasStatusOk();
		JsonNode matrix = get("/api/leads/{id}/responsibility", lead);
		assertThat(cell(matrix, "vendor_coordination").get("current").asString()).isEqualTo("shared");
		assertThat(cell(matrix, "vendor_coordination").get("edit").get("version").asInt()).isEqualTo(2);
		assertThat(cell(matrix, "help_desk").get("edit").isNull()).isTrue();
		JsonNode history = get("/api/leads/{id}/responsibility/{function}/edits", lead, "vendor_coordination");
		assertThat(history).hasSize(2);
		assertThat(history.get(0).get("owner").asString()).isEqualTo(changed);
		assertThat(jdbc
			.sql("select count(*) from audit_entry where lead_id = :id and action = 'lead.responsibility-changed'")
			.param("id", lead)
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void theNotesOnAMatrixAreInTheLeadsDataExportAndGoWithItsErasure() {
		UUID lead = leads.leadOf(leads.submit());
		assertThat(edit(lead, "vendor_coordination",
				"{\"version\":0,\"owner\":\"shared\",\"note\":\"Dana's cousin runs their contracts\"}"))
			.hasStatusOk();

		assertThat(this.json.valueToTree(this.privacy.personalData(lead, "admin@northbeam.test")).toString())
			.contains("Dana's cousin runs their contracts");

		this.privacy.erase(lead, "admin@northbeam.test");

		assertThat(jdbc.sql("select count(*) from responsibility_edit where lead_id = :id and note is not null")
			.param("id", lead)
			.query(Integer.class)
			.single()).isZero();
		assertThat(edits(lead)).as("the owners chosen stay").isEqualTo(1);
	}

	@Test
	void twoEditsBasedOnTheSameVersionAtOnceStoreOnlyOne() throws Exception {
		UUID lead = leads.leadOf(leads.submit());
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<String>> outcomes = new ArrayList<>();
			for (String owner : List.of("internal", "provider")) {
				Callable<String> attempt = () -> {
					start.await();
					try {
						edits.edit(lead, "projects", 0, owner, null, LeadFixtures.SALES);
						return "saved";
					}
					catch (ConflictException ex) {
						return "conflict";
					}
				};
				outcomes.add(pool.submit(attempt));
			}
			start.countDown();
			List<String> results = new ArrayList<>();
			for (Future<String> outcome : outcomes) {
				results.add(outcome.get());
			}
			assertThat(results).containsExactlyInAnyOrder("saved", "conflict");
		}
		finally {
			pool.shutdown();
		}
		assertThat(edits(lead)).isEqualTo(1);
	}

	@Test
	void badEditsGetAProblemNamingEachFieldAndStoreNothing() {
		UUID lead = leads.leadOf(leads.submit());
		MvcTestResult refused = edit(lead, "coffee_machine",
				"{\"owner\":\"nobody\",\"note\":\"" + "x".repeat(1001) + "\"}");
		assertThat(refused).hasStatus(400);
		assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");
		List<String> fields = new ArrayList<>();
		leads.body(refused).get("errors").forEach((error) -> fields.add(error.get("field").asString()));
		assertThat(fields).containsExactlyInAnyOrder("function", "version", "owner", "note");
		assertThat(edits(lead)).isZero();
		assertThat(edit(UUID.randomUUID(), "projects", "{\"version\":0,\"owner\":\"shared\"}")).hasStatus(404);
		MvcTestResult readOnly = mvc.post()
			.uri("/api/leads/{id}/responsibility/{function}", lead, "projects")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token(LeadFixtures.SALES, "leads:read"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":0,\"owner\":\"shared\"}")
			.exchange();
		assertThat(readOnly).hasStatus(403);
		assertThat(edits(lead)).isZero();
	}

	@Test
	void exportsAsCsvAndMarkdownWithUserTextMadeHarmless() throws Exception {
		UUID lead = leads.leadOf(leads.submit());
		assertThat(
				edit(lead, "compliance", "{\"version\":0,\"owner\":\"provider\",\"note\":\"=HYPERLINK(1) | **x**\"}"))
			.hasStatusOk();
		MvcTestResult csv = mvc.get()
			.uri("/api/leads/{id}/responsibility.csv", lead)
			.header(HttpHeaders.AUTHORIZATION, leads.sales())
			.exchange();
		assertThat(csv).hasStatusOk();
		assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
		String text = csv.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		String[] lines = text.split("\r\n");
		assertThat(lines).hasSize(13);
		assertThat(lines[0]).isEqualTo("function,owner,proposed_owner,reason,note,edited_by,edited_at");
		assertThat(text).contains("Compliance,provider,").contains(",'=HYPERLINK(1) | **x**,");
		MvcTestResult markdown = mvc.get()
			.uri("/api/leads/{id}/responsibility.md", lead)
			.header(HttpHeaders.AUTHORIZATION, leads.sales())
			.exchange();
		assertThat(markdown).hasStatusOk();
		String md = markdown.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(md).contains("| Function | Owner | Proposed | Why | Note |")
			.contains("| Compliance | provider |")
			.contains("=HYPERLINK\\(1\\) \\| \\*\\*x\\*\\*");
		assertThat(md.lines().filter((line) -> line.startsWith("| ")).count()).isEqualTo(13);
		assertThat(jdbc
			.sql("select count(*) from audit_entry where lead_id = :id and action = 'lead.responsibility-exported'")
			.param("id", lead)
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

}
