package com.northbeam.gateway.dashboard.admin;

import java.nio.charset.StandardCharsets;
import java.util.Collections;

import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.gateway.TokenClaims;
import com.northbeam.gateway.XssPayloads;
import com.northbeam.testsupport.FakeHttpServer;
import com.northbeam.testsupport.FakeHttpServer.Response;
import com.northbeam.testsupport.PostgresTestConfiguration;
import jakarta.servlet.http.HttpSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.northbeam.gateway.dashboard.admin.AdminFakes.last;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class NotificationPagesTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	@Qualifier("assessment")
	FakeHttpServer assessment;

	@BeforeEach
	void fakeAssessmentService() {
		AdminFakes.answerAll(assessment);
	}

	@Test
	void showsTheSettingsWithoutSecretsAndTheDeliveryLogWithRetryForDeadOnes() {
		assertThat(mvc.get().uri("/dashboard/admin/notifications").with(AdminFakes.admin())).hasStatusOk()
			.bodyText()
			.contains("value=\"sales@msp.test\"", "value=\"8\"", "value=\"https://hooks.msp.test/a\"",
					"one is stored; blank keeps it", "(none stored)")
			.contains("HTTP 500", "action=\"/dashboard/admin/notifications/deliveries/17/retry\"")
			.doesNotContain("deliveries/18/retry")
			.contains("href=\"/dashboard/admin/notifications?after=c-18\"");
	}

	@Test
	void savingSendsSecretsOnlyWhenTypedAndDropsBlankRows() {
		assertThat(mvc.post()
			.uri("/dashboard/admin/notifications")
			.with(AdminFakes.admin())
			.with(csrf())
			.param("salesInbox", "leads@msp.test")
			.param("maxAttempts", "6")
			.param("webhookUrl", "https://hooks.msp.test/a", "", "https://hooks.msp.test/c")
			.param("webhookSecret", "", "", "new-secret")
			.param("webhookHasSecret", "0")).hasStatus3xxRedirection()
			.redirectedUrl()
			.isEqualTo("/dashboard/admin/notifications");

		JsonNode sent = json.readTree(last(assessment, "PUT", "/api/admin/notifications/settings").body());
		assertThat(sent.get("salesInbox").asString()).isEqualTo("leads@msp.test");
		assertThat(sent.get("maxAttempts").asInt()).isEqualTo(6);
		assertThat(sent.get("webhooks")).hasSize(2);
		assertThat(sent.get("webhooks").get(0).get("secret").isNull()).isTrue();
		assertThat(sent.get("webhooks").get(1).get("url").asString()).isEqualTo("https://hooks.msp.test/c");
		assertThat(sent.get("webhooks").get(1).get("secret").asString()).isEqualTo("new-secret");
	}

	@Test
	void wrongSettingsAreShownNextToTheirFieldsNothingIsSentAndSecretsAreNotEchoed() {
		int before = assessment.requests().size();

		assertThat(mvc.post()
			.uri("/dashboard/admin/notifications")
			.with(AdminFakes.admin())
			.with(csrf())
			.param("salesInbox", "not an email")
			.param("maxAttempts", "0")
			.param("webhookUrl", "ftp://hooks.msp.test/a")
			.param("webhookSecret", "typed-secret-value")).hasStatusOk()
			.bodyText()
			.contains("Enter one email address, or leave the field empty.", "Enter a whole number from 1 to 50.",
					"id=\"webhook-url-0-error\"", "Enter a full web address", "value=\"not an email\"")
			.doesNotContain("typed-secret-value");
		assertThat(assessment.requests().subList(before, assessment.requests().size()))
			.noneMatch((request) -> request.method().equals("PUT"));
	}

	@Test
	void theServicesRefusalOfAWebhookIsShownOnItsRow() {
		assessment.respond("PUT", "/api/admin/notifications/settings", AdminFakes.problem(400, """
				{"status":400,"detail":"Some fields cannot be accepted.",
				 "errors":[{"field":"webhooks[1].url","message":"must not point to a private address"}]}"""));

		assertThat(mvc.post()
			.uri("/dashboard/admin/notifications")
			.with(AdminFakes.admin())
			.with(csrf())
			.param("salesInbox", "leads@msp.test")
			.param("maxAttempts", "6")
			.param("webhookUrl", "https://hooks.msp.test/a", "", "https://10.0.0.1/hook")
			.param("webhookSecret", "", "", "")).hasStatusOk()
			.bodyText()
			.contains("id=\"webhook-url-2-error\"", "must not point to a private address");
	}

	@Test
	void aCursorTheServiceRefusesShowsTheNewestDeliveries() {
		assessment.respond("GET", "/api/admin/notifications/deliveries", AdminFakes.problem(400, """
				{"status":400,"detail":"Some fields cannot be accepted.",
				 "errors":[{"field":"after","message":"is not a cursor of this list"}]}"""));

		assertThat(mvc.get().uri("/dashboard/admin/notifications?after=oops").with(AdminFakes.admin())).hasStatusOk()
			.bodyText()
			.contains("That part of the log cannot be shown", "No deliveries match.",
					"href=\"/dashboard/admin/notifications\"");
	}

	@Test
	void retryingADeadDeliveryGoesBackToTheLogWithANotice() {
		assertThat(mvc.post()
			.uri("/dashboard/admin/notifications/deliveries/17/retry")
			.with(AdminFakes.admin())
			.with(csrf())
			.param("state", "dead")).hasStatus3xxRedirection()
			.redirectedUrl()
			.isEqualTo("/dashboard/admin/notifications?state=dead");
		assertThat(last(assessment, "POST", "/api/admin/notifications/deliveries/17/retry")).isNotNull();

		assertThat(mvc.post()
			.uri("/dashboard/admin/notifications/deliveries/99/retry")
			.with(AdminFakes.admin())
			.with(csrf())).hasStatus3xxRedirection()
			.flash()
			.containsEntry("failure", "admin.notifications.retryRefused");
	}

	@Test
	void webhookUrlsTargetsAndErrorsFromTheServiceAreRenderedInert() throws Exception {
		ObjectNode settings = (ObjectNode) json.readTree(AdminFakes.SETTINGS);
		ArrayNode webhooks = settings.putArray("webhooks");
		ObjectNode deliveries = json.createObjectNode();
		ArrayNode items = deliveries.putArray("items");
		for (String payload : XssPayloads.ALL) {
			webhooks.addObject().put("url", payload).put("hasSecret", false);
			items.addObject()
				.put("id", payload)
				.put("channel", payload)
				.put("target", payload)
				.put("state", "dead")
				.put("attempts", 3)
				.put("lastError", payload)
				.put("createdAt", "2026-11-27T10:00:00Z");
		}
		assessment.respond("GET", "/api/admin/notifications/settings",
				Response.json(json.writeValueAsString(settings)));
		assessment.respond("GET", "/api/admin/notifications/deliveries",
				Response.json(json.writeValueAsString(deliveries)));

		String html = mvc.get()
			.uri("/dashboard/admin/notifications")
			.with(AdminFakes.admin())
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		XssPayloads.assertInert(html, XssPayloads.ALL);
	}

	@Test
	void everyDeliveryThatIsNotPendingCanBeRedeliveredWithANoticeAfterwards() {
		assertThat(mvc.get().uri("/dashboard/admin/notifications").with(AdminFakes.admin())).hasStatusOk()
			.bodyText()
			.contains("action=\"/dashboard/admin/notifications/deliveries/17/redeliver\"",
					"action=\"/dashboard/admin/notifications/deliveries/18/redeliver\"", "Redeliver delivery 18");

		assertThat(mvc.post()
			.uri("/dashboard/admin/notifications/deliveries/18/redeliver")
			.with(AdminFakes.admin())
			.with(csrf())
			.param("state", "delivered")).hasStatus3xxRedirection()
			.redirectedUrl()
			.isEqualTo("/dashboard/admin/notifications?state=delivered");
		assertThat(TokenClaims.of(last(assessment, "POST", "/api/admin/notifications/deliveries/18/redeliver"))
			.get("scope")
			.asString()).contains("notifications:redeliver");

		assertThat(mvc.post()
			.uri("/dashboard/admin/notifications/deliveries/99/redeliver")
			.with(AdminFakes.admin())
			.with(csrf())).hasStatus3xxRedirection()
			.flash()
			.containsEntry("failure", "admin.notifications.redeliverRefused");
		int before = assessment.requests().size();
		assertThat(mvc.post().uri("/dashboard/admin/notifications/deliveries/18/redeliver").with(AdminFakes.admin()))
			.hasStatus(403);
		assertThat(assessment.requests()).hasSize(before);
	}

	@Test
	void aSecretTheServiceGeneratesIsShownOnceInTheAnswerNeverInTheSession() {
		assessment.respond("PUT", "/api/admin/notifications/settings", Response
			.json("""
					{"salesInbox":"sales@msp.test","dashboardBaseUrl":"https://msp.test/dashboard",
					 "webhooks":[{"url":"https://hooks.msp.test/a","hasSecret":true,"previousSecretUntil":"2026-11-28T10:00:00Z",
					  "generatedSecret":"whsec_R2VuZXJhdGVkIGJ5IHRoZSBzZXJ2aWNlIQ=="}],"maxAttempts":8}"""));

		MvcTestResult result = mvc.post()
			.uri("/dashboard/admin/notifications")
			.with(AdminFakes.admin())
			.with(csrf())
			.param("salesInbox", "sales@msp.test")
			.param("maxAttempts", "8")
			.param("webhookUrl", "https://hooks.msp.test/a")
			.param("webhookSecret", "typed but ignored")
			.param("webhookHasSecret", "0")
			.param("webhookGenerateSecret", "0")
			.exchange();
		assertThat(result).hasStatusOk()
			.bodyText()
			.contains("whsec_R2VuZXJhdGVkIGJ5IHRoZSBzZXJ2aWNlIQ==", "not shown again", "2026-11-28 10:00");
		assertThat(result).headers().hasValue("Cache-Control", "no-store");
		HttpSession session = result.getRequest().getSession(false);
		if (session != null) {
			assertThat(Collections.list(session.getAttributeNames()))
				.noneMatch((name) -> String.valueOf(session.getAttribute(name)).contains("whsec_"));
		}
		JsonNode sent = json.readTree(last(assessment, "PUT", "/api/admin/notifications/settings").body());
		assertThat(sent.get("webhooks").get(0).get("generateSecret").asBoolean()).isTrue();
		assertThat(sent.get("webhooks").get(0).get("secret").isNull()).isTrue();
	}

}
