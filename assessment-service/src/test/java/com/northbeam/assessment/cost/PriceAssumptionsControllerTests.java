package com.northbeam.assessment.cost;

import java.util.UUID;

import com.northbeam.assessment.AssessmentServiceTest;
import com.northbeam.assessment.submission.SubmissionBodies;
import com.northbeam.testsupport.TestTokenIssuer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

@AssessmentServiceTest
class PriceAssumptionsControllerTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestTokenIssuer tokens;

	@Autowired
	ObjectMapper json;

	String admin() {
		return "Bearer " + tokens.token("admin@northbeam.test", "admin");
	}

	JsonNode current() throws Exception {
		MvcTestResult result = mvc.get()
			.uri("/api/admin/price-assumptions")
			.header(HttpHeaders.AUTHORIZATION, admin())
			.exchange();
		assertThat(result).hasStatusOk();
		return json.readTree(result.getResponse().getContentAsByteArray());
	}

	MvcTestResult put(JsonNode assumptions, String query) {
		return mvc.put()
			.uri("/api/admin/price-assumptions" + query)
			.header(HttpHeaders.AUTHORIZATION, admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content(assumptions.toString())
			.exchange();
	}

	@Test
	void anAdminChangesThePricesAndNewResultsRecordTheVersionTheyUsed() throws Exception {
		JsonNode before = current();
		int version = before.get("version").asInt();
		assertThat(before.get("createdBy").asString()).isNotBlank();
		ObjectNode changed = (ObjectNode) before.get("assumptions").deepCopy();
		((ObjectNode) changed.get("coManaged")).put("perUserMonth", 99);

		MvcTestResult saved = put(changed, "?basedOnVersion=" + version);
		assertThat(saved).hasStatusOk();
		JsonNode after = json.readTree(saved.getResponse().getContentAsByteArray());
		assertThat(after.get("version").asInt()).isEqualTo(version + 1);
		assertThat(after.get("createdBy").asString()).isEqualTo("admin@northbeam.test");
		assertThat(current().get("assumptions").get("coManaged").get("perUserMonth").asInt()).isEqualTo(99);

		MvcTestResult history = mvc.get()
			.uri("/api/admin/price-assumptions/history")
			.header(HttpHeaders.AUTHORIZATION, admin())
			.exchange();
		JsonNode versions = json.readTree(history.getResponse().getContentAsByteArray());
		assertThat(versions.get(0).get("version").asInt()).isEqualTo(version + 1);
		assertThat(versions.get(1).get("version").asInt()).isEqualTo(version);
		assertThat(versions.get(1).get("assumptions")).isEqualTo(before.get("assumptions"));

		MvcTestResult submitted = mvc.post()
			.uri("/api/submissions")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token("gateway", "submissions:write"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(SubmissionBodies.valid(UUID.randomUUID()))
			.exchange();
		JsonNode cost = json.readTree(submitted.getResponse().getContentAsByteArray()).get("cost");
		assertThat(cost.get("assumptionsVersion").asInt()).isEqualTo(version + 1);
		int users = cost.get("users").asInt();
		assertThat(cost.get("co_managed")
			.get("items")
			.valueStream()
			.filter((item) -> item.get("code").asString().equals("service_agreement"))
			.findFirst()
			.orElseThrow()
			.get("amount")
			.asLong()).isEqualTo(users * 99L * 12);

		assertThat(put(changed, "?basedOnVersion=" + version)).hasStatus(409)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("basedOnVersion");
	}

	@Test
	void invalidAssumptionsNameEachFieldAndSaveNothing() throws Exception {
		JsonNode before = current();
		ObjectNode broken = (ObjectNode) before.get("assumptions").deepCopy();
		broken.put("benefitsShare", 1.5);
		((ObjectNode) broken.get("fullyManaged")).put("perUserMonth", -1);
		((ObjectNode) broken.get("employeesPerBand")).remove("1000+");
		MvcTestResult refused = put(broken, "");
		assertThat(refused).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = json.readTree(refused.getResponse().getContentAsByteArray());
		assertThat(problem.get("errors").valueStream().map((error) -> error.get("field").asString()))
			.contains("benefitsShare", "fullyManaged.perUserMonth");

		ObjectNode incomplete = (ObjectNode) before.get("assumptions").deepCopy();
		((ObjectNode) incomplete.get("employeesPerBand")).remove("1000+");
		((ObjectNode) incomplete.get("itStaffByInternalIt")).put("robots", 1);
		assertThat(put(incomplete, "")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("employeesPerBand.1000+", "itStaffByInternalIt.robots");
		assertThat(current().get("version").asInt()).isEqualTo(before.get("version").asInt());
	}

}
