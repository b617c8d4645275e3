package com.northbeam.assessment.routing;

import java.util.List;

import com.northbeam.assessment.AssessmentServiceTest;
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
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.northbeam.assessment.routing.RoutingFixtures.BASE;
import static org.assertj.core.api.Assertions.assertThat;

@AssessmentServiceTest
class RoutingControllerTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestTokenIssuer tokens;

	@Autowired
	ObjectMapper json;

	RoutingFixtures routing;

	@BeforeEach
	void roster() {
		this.routing = new RoutingFixtures(mvc, jdbc, tokens, json);
		routing.clear();
		assertThat(routing.roster("ada@northbeam.test:true", "ben@northbeam.test:true", "cy@northbeam.test:false"))
			.hasStatusOk();
	}

	@AfterEach
	void clear() {
		routing.clear();
	}

	@Test
	void rulesAreKeptInOrderMovedUpAndDownAndEveryChangeIsAudited() {
		long team = routing.group("Inside sales", "ada@northbeam.test", "ben@northbeam.test");
		JsonNode hybrid = routing.rule("Hybrid to Ada",
				"\"recommendations\":[\"hybrid\"],\"owner\":\"Ada@Northbeam.test\"");
		routing.rule("Newsletter", "\"sources\":[\"newsletter\"],\"minPriority\":40,\"groupId\":" + team);
		JsonNode rest = routing.rule("Everyone else", "\"groupId\":" + team);

		assertThat(hybrid.get("owner").asString()).isEqualTo("ada@northbeam.test");
		assertThat(names()).containsExactly("Hybrid to Ada", "Newsletter", "Everyone else");

		MvcTestResult moved = routing.send("POST", BASE + "/rules/" + rest.get("id").asLong() + "/move",
				"{\"version\":0,\"direction\":\"up\"}");
		assertThat(moved).hasStatusOk();
		assertThat(names()).containsExactly("Hybrid to Ada", "Everyone else", "Newsletter");
		assertThat(routing.send("POST", BASE + "/rules/" + rest.get("id").asLong() + "/move",
				"{\"version\":0,\"direction\":\"up\"}"))
			.as("the same move again, a double click, is stale")
			.hasStatus(409);
		assertThat(routing.send("POST", BASE + "/rules/" + hybrid.get("id").asLong() + "/move",
				"{\"version\":0,\"direction\":\"up\"}"))
			.as("the first rule stays first")
			.hasStatusOk();
		assertThat(names()).containsExactly("Hybrid to Ada", "Everyone else", "Newsletter");

		JsonNode overview = routing.body(routing.send("GET", BASE, null));
		assertThat(overview.get("rules").get(1).get("groupName").asString()).isEqualTo("Inside sales");
		assertThat(overview.get("groups").get(0).get("members").toString())
			.isEqualTo("[\"ada@northbeam.test\",\"ben@northbeam.test\"]");
		assertThat(overview.get("salesPeople")).hasSize(3);

		assertThat(jdbc
			.sql("select detail from audit_entry where action = 'routing.changed' and actor = :actor " + "order by id")
			.param("actor", RoutingFixtures.ADMIN)
			.query(String.class)
			.list()).containsSubsequence("group 'Inside sales' created with 2 member(s)",
					"rule 'Hybrid to Ada' created", "rule 'Everyone else' moved up");
	}

	@Test
	void aStaleEditIsAConflictAndChangesNothing() {
		long id = routing.rule("Hybrid to Ada", "\"recommendations\":[\"hybrid\"],\"owner\":\"ada@northbeam.test\"")
			.get("id")
			.asLong();
		String edit = "{\"name\":\"Hybrid to Ben\",\"enabled\":true,\"owner\":\"ben@northbeam.test\",\"version\":%d}";
		assertThat(routing.send("PUT", BASE + "/rules/" + id, edit.formatted(0))).hasStatusOk()
			.bodyJson()
			.extractingPath("$.version")
			.isEqualTo(1);

		MvcTestResult stale = routing.send("PUT", BASE + "/rules/" + id,
				edit.formatted(0).replace("Ben", "Cy").replace("ben@", "cy@"));
		assertThat(stale).hasStatus(409).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(stale).bodyJson().extractingPath("$.errors[0].field").isEqualTo("version");
		assertThat(routing.send("DELETE", BASE + "/rules/" + id + "?version=0", null)).hasStatus(409);
		assertThat(routing.body(routing.send("GET", BASE + "/rules/" + id, null)).get("owner").asString())
			.isEqualTo("ben@northbeam.test");

		assertThat(routing.send("DELETE", BASE + "/rules/" + id + "?version=1", null)).hasStatus(204);
		assertThat(routing.send("GET", BASE + "/rules/" + id, null)).hasStatus(404);
	}

	@Test
	void aRefusedRuleNamesEveryProblemAndStoresNothing() {
		MvcTestResult refused = routing.send("POST", BASE + "/rules", """
				{"name":"","enabled":true,"recommendations":["mostly"],"companySizes":["huge"],
				 "minPriority":-1,"owner":"stranger@northbeam.test"}""");

		assertThat(refused).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(refused).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("name", "recommendations[0]", "companySizes[0]", "minPriority", "owner");
		assertThat(routing.send("POST", BASE + "/rules", "{\"name\":\"x\",\"enabled\":true,\"groupId\":999999}"))
			.bodyJson()
			.extractingPath("$.errors[0].message")
			.isEqualTo("is not a round-robin group");
		assertThat(
				routing.send("POST", BASE + "/groups", "{\"name\":\"Team\",\"members\":[\"stranger@northbeam.test\"]}"))
			.hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("members[0]");
		routing.rule("Taken", "\"owner\":\"ada@northbeam.test\"");
		assertThat(routing.send("POST", BASE + "/rules",
				"{\"name\":\"taken\",\"enabled\":true,\"owner\":\"ada@northbeam.test\"}"))
			.bodyJson()
			.extractingPath("$.errors[0].message")
			.isEqualTo("is the name of another rule");
		assertThat(names()).containsExactly("Taken");
	}

	@Test
	void aGroupThatARuleUsesCannotBeDeleted() {
		long team = routing.group("Inside sales", "ada@northbeam.test");
		JsonNode rule = routing.rule("Everyone", "\"groupId\":" + team);

		assertThat(routing.send("DELETE", BASE + "/groups/" + team + "?version=0", null)).hasStatus(409)
			.bodyJson()
			.extractingPath("$.errors[0].message")
			.isEqualTo("is used by rule(s) 'Everyone'");

		assertThat(routing.send("PUT", BASE + "/groups/" + team,
				"{\"name\":\"Inside sales\",\"members\":[\"ben@northbeam.test\",\"ada@northbeam.test\"],\"version\":0}"))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.members")
			.asArray()
			.containsExactly("ben@northbeam.test", "ada@northbeam.test");
		assertThat(routing.send("DELETE", BASE + "/rules/" + rule.get("id").asLong() + "?version=0", null))
			.hasStatus(204);
		assertThat(routing.send("DELETE", BASE + "/groups/" + team + "?version=1", null)).hasStatus(204);
	}

	@Test
	void theGatewayPublishesTheWholeRosterAndOnlyAdminsChangeRouting() {
		assertThat(routing.roster("ada@northbeam.test:true", "ben@northbeam.test:false")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.changed")
			.isEqualTo(2);
		assertThat(routing.roster("ada@northbeam.test:true", "ben@northbeam.test:false")).bodyJson()
			.extractingPath("$.changed")
			.as("the same roster again changes nothing")
			.isEqualTo(0);
		assertThat(
				jdbc.sql("select email || ':' || enabled from sales_person order by email").query(String.class).list())
			.containsExactly("ada@northbeam.test:true", "ben@northbeam.test:false");
		assertThat(mvc.put()
			.uri(BASE + "/sales-people")
			.header(HttpHeaders.AUTHORIZATION, routing.gateway())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"people\":[{\"email\":\"not-an-email\",\"name\":\"\",\"enabled\":null}]}")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("people[0].email", "people[0].name", "people[0].enabled");

		String sales = "Bearer " + tokens.token("sam@northbeam.test", "leads:read", "leads:write");
		assertThat(mvc.get().uri(BASE).header(HttpHeaders.AUTHORIZATION, sales)).hasStatus(403);
		assertThat(mvc.put()
			.uri(BASE + "/sales-people")
			.header(HttpHeaders.AUTHORIZATION, routing.admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"people\":[]}")).as("admins change rules; the roster is the gateway's").hasStatus(403);
		assertThat(mvc.get().uri(BASE).header(HttpHeaders.AUTHORIZATION, routing.gateway())).hasStatus(403);
	}

	private List<String> names() {
		JsonNode rules = routing.body(routing.send("GET", BASE, null)).get("rules");
		return rules.valueStream().map((rule) -> rule.get("name").asString()).toList();
	}

}
