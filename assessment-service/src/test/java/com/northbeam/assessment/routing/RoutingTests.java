package com.northbeam.assessment.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.northbeam.assessment.AssessmentServiceTest;
import com.northbeam.assessment.lead.LeadFixtures;
import com.northbeam.assessment.submission.SubmissionBodies;
import com.northbeam.testsupport.TestTokenIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * New leads get their owner on arrival, through the real submission API on PostgreSQL.
 * The sample submission recommends whatever the rules say, answers {@code 51-200}
 * employees and comes from the {@code newsletter} campaign.
 */
@AssessmentServiceTest
class RoutingTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestTokenIssuer tokens;

	@Autowired
	ObjectMapper json;

	RoutingFixtures routing;

	LeadFixtures leads;

	@BeforeEach
	void roster() {
		this.routing = new RoutingFixtures(mvc, jdbc, tokens, json);
		this.leads = new LeadFixtures(mvc, jdbc, tokens, json);
		routing.clear();
		routing.roster("ada@northbeam.test:true", "ben@northbeam.test:false", "cy@northbeam.test:true");
	}

	@AfterEach
	void clear() {
		routing.clear();
	}

	@Test
	void aNewLeadGetsItsOwnerOnArrivalAndItsTimelineSaysWhichRuleChoseIt() {
		routing.rule("Small firms", "\"companySizes\":[\"1-10\",\"11-50\"],\"owner\":\"cy@northbeam.test\"");
		routing.rule("Newsletter mid-size",
				"\"companySizes\":[\"51-200\"],\"sources\":[\"Newsletter\"],\"minPriority\":0,\"owner\":\"ada@northbeam.test\"");

		JsonNode lead = lead(leads.submit());

		assertThat(lead.get("owner").asString()).isEqualTo("ada@northbeam.test");
		assertThat(routed(lead)).isEqualTo("Assigned to ada@northbeam.test by routing rule 'Newsletter mid-size'");
		assertThat(lead.get("timeline").get(1).get("actor").asString()).isEqualTo("system:routing");
	}

	@Test
	void aRuleNamingADisabledAccountIsSkippedWithAnAuditEntryAndTheNextRuleDecides() {
		routing.rule("To Ben", "\"owner\":\"ben@northbeam.test\"");
		routing.rule("To Ada", "\"owner\":\"ada@northbeam.test\"");

		UUID submission = leads.submit();
		JsonNode lead = lead(submission);

		assertThat(lead.get("owner").asString()).isEqualTo("ada@northbeam.test");
		assertThat(routed(lead)).isEqualTo("Assigned to ada@northbeam.test by routing rule 'To Ada'");
		assertThat(jdbc
			.sql("select actor || ' ' || detail from audit_entry where action = 'routing.rule-skipped' "
					+ "and lead_id = :lead")
			.param("lead", leads.leadOf(submission))
			.query(String.class)
			.list())
			.containsExactly("system:routing routing rule 'To Ben' skipped: ben@northbeam.test's account is disabled");
	}

	@Test
	void roundRobinHandsLeadsOutInTurnPassingOverDisabledMembers() {
		long team = routing.group("Inside sales", "ada@northbeam.test", "ben@northbeam.test", "cy@northbeam.test");
		routing.rule("Everyone", "\"groupId\":" + team);

		List<String> owners = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			owners.add(lead(leads.submit()).get("owner").asString());
		}

		assertThat(owners).containsExactly("ada@northbeam.test", "cy@northbeam.test", "ada@northbeam.test",
				"cy@northbeam.test");

		routing.roster("ada@northbeam.test:false", "ben@northbeam.test:false", "cy@northbeam.test:false");
		UUID unowned = leads.submit();
		JsonNode lead = lead(unowned);
		assertThat(lead.get("owner").isNull()).isTrue();
		assertThat(routed(lead))
			.isEqualTo("No routing rule could assign it (1 skipped, see the audit trail); " + "the lead has no owner");
		assertThat(jdbc.sql("select detail from audit_entry where action = 'routing.rule-skipped' and lead_id = :lead")
			.param("lead", leads.leadOf(unowned))
			.query(String.class)
			.single()).isEqualTo("routing rule 'Everyone' skipped: group 'Inside sales' has no enabled member");
	}

	@Test
	void whenNoRuleMatchesTheLeadStaysUnownedAndItsTimelineSaysSo() {
		routing.rule("Webinar", "\"sources\":[\"webinar\"],\"owner\":\"ada@northbeam.test\"");
		routing.rule("Disabled catch-all", "\"owner\":\"cy@northbeam.test\"");
		JsonNode rule = routing.body(routing.send("GET", RoutingFixtures.BASE, null)).get("rules").get(1);
		routing.send("PUT", RoutingFixtures.BASE + "/rules/" + rule.get("id").asLong(),
				"{\"name\":\"Disabled catch-all\",\"enabled\":false,\"owner\":\"cy@northbeam.test\",\"version\":0}");

		JsonNode lead = lead(leads.submit());

		assertThat(lead.get("owner").isNull()).isTrue();
		assertThat(routed(lead)).isEqualTo("No routing rule matched; the lead has no owner");
	}

	@Test
	void withoutEnabledRulesNewLeadsAreUnownedAndTheTimelineStaysAsItWas() {
		JsonNode lead = lead(leads.submit());

		assertThat(lead.get("owner").isNull()).isTrue();
		assertThat(lead.get("timeline")).hasSize(1);
	}

	@Test
	void leadsMadeLaterAreRoutedTooWithTheSizeTheirSubmissionAnswered() {
		routing.rule("Webinar mid-size",
				"\"sources\":[\"webinar\"],\"companySizes\":[\"51-200\"]," + "\"owner\":\"cy@northbeam.test\"");
		routing.rule("Everyone else", "\"owner\":\"ada@northbeam.test\"");

		UUID later = UUID.randomUUID();
		mvc.post()
			.uri("/api/submissions")
			.header(HttpHeaders.AUTHORIZATION, leads.gateway())
			.contentType(MediaType.APPLICATION_JSON)
			.content(SubmissionBodies.contactLater(later))
			.exchange();
		assertThat(mvc.put()
			.uri("/api/submissions/{id}/contact", later)
			.header(HttpHeaders.AUTHORIZATION, leads.gateway())
			.contentType(MediaType.APPLICATION_JSON)
			.content(SubmissionBodies.lateContact("lee@later.example"))).hasStatus(201);
		assertThat(lead(later).get("owner").asString()).isEqualTo("cy@northbeam.test");

		UUID held = UUID.randomUUID();
		String body = SubmissionBodies.valid(held);
		mvc.post()
			.uri("/api/submissions")
			.header(HttpHeaders.AUTHORIZATION, leads.gateway())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.substring(0, body.lastIndexOf('}')) + ",\"screening\":{\"reasons\":[\"honeypot\"]}}")
			.exchange();
		assertThat(jdbc.sql("select count(*) from lead where submission_id = :id")
			.param("id", held)
			.query(Integer.class)
			.single()).isZero();
		assertThat(mvc.post()
			.uri("/api/leads/quarantine/{id}/release", held)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token("sam@northbeam.test", "quarantine:write")))
			.hasStatusOk();
		JsonNode released = lead(held);
		assertThat(released.get("owner").asString()).isEqualTo("ada@northbeam.test");
		assertThat(routed(released)).isEqualTo("Assigned to ada@northbeam.test by routing rule 'Everyone else'");
	}

	private JsonNode lead(UUID submission) {
		return leads.body(mvc.get()
			.uri("/api/leads/{id}", leads.leadOf(submission))
			.header(HttpHeaders.AUTHORIZATION, leads.sales())
			.exchange());
	}

	private static String routed(JsonNode lead) {
		return lead.get("timeline")
			.valueStream()
			.filter((entry) -> "routed".equals(entry.get("kind").asString()))
			.map((entry) -> entry.get("detail").asString())
			.findFirst()
			.orElse(null);
	}

}
