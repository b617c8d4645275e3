package com.northbeam.assessment.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.northbeam.assessment.AssessmentServiceTest;
import com.northbeam.assessment.lead.LeadFixtures;
import com.northbeam.assessment.outbox.NotificationSettings.Webhook;
import com.northbeam.testsupport.TestTokenIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhook secrets at rest, their rotation and validation, and who may redeliver what.
 */
@AssessmentServiceTest
class WebhookSecretsTests {

	static final String URL = "http://127.0.0.1:9/hook";

	static final String FIRST = "whsec_QUJDREVGR0hJSktMTU5PUFFSU1RVVldY";

	static final String SECOND = "a secret typed by hand, 38 bytes long";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestTokenIssuer tokens;

	@Autowired
	ObjectMapper json;

	@Autowired
	NotificationSettings settings;

	@Autowired
	NotificationSettingsRepository repository;

	@Autowired
	SecretCipher cipher;

	LeadFixtures leads;

	@BeforeEach
	void setUp() {
		leads = new LeadFixtures(mvc, jdbc, tokens, json);
	}

	@Test
	void secretsAreStoredEncryptedAndARotationSignsWithBothUntilTheOverlapEnds() {
		save("{\"url\":\"" + URL + "\",\"secret\":\"" + FIRST + "\"}");
		assertThat(storedWebhooks()).contains("v1:").doesNotContain(FIRST).doesNotContain(FIRST.substring(6));
		save("{\"url\":\"" + URL + "\",\"secret\":\"" + SECOND + "\"}");
		assertThat(storedWebhooks()).doesNotContain(SECOND).doesNotContain(FIRST.substring(6));
		// Saving without a secret keeps both, and the time the previous one ends.
		save("{\"url\":\"" + URL + "\"}");

		Webhook webhook = settings.current().webhook(URL).orElseThrow();
		Instant now = Instant.now();
		assertThat(webhook.previousUntil()).isBetween(now.plus(Duration.ofHours(23)), now.plus(Duration.ofHours(24)));
		assertThat(webhook.keys(cipher, now)).containsExactly(SECOND.getBytes(StandardCharsets.UTF_8),
				WebhookSignature.keyOf(FIRST));
		assertThat(webhook.keys(cipher, now.plus(Duration.ofHours(25))))
			.containsExactly(SECOND.getBytes(StandardCharsets.UTF_8));

		save("{\"url\":\"" + URL + "\",\"secret\":\"\"}");
		assertThat(settings.current().webhook(URL).orElseThrow().keys(cipher, now)).isEmpty();
	}

	@Test
	void plainTextSecretsOfEarlierVersionsAreEncryptedOnceAndKeepTheirKey() {
		repository.save(
				new NotificationSettingsRepository.Row(null,
						"[{\"url\":\"" + URL + "\",\"secret\":\"an old plain text secret\"}]", 8),
				"test", Instant.now());
		assertThat(settings.plainSecrets()).isEqualTo(1);
		assertThat(settings.current().webhook(URL).orElseThrow().keys(cipher, Instant.now()))
			.containsExactly("an old plain text secret".getBytes(StandardCharsets.UTF_8));

		assertThat(settings.encryptPlainSecrets()).isEqualTo(1);
		assertThat(settings.encryptPlainSecrets()).isZero();
		assertThat(storedWebhooks()).doesNotContain("an old plain text secret").contains("v1:");
		assertThat(settings.current().webhook(URL).orElseThrow().keys(cipher, Instant.now()))
			.containsExactly("an old plain text secret".getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void secretsMustHoldTwentyFourToSixtyFourBytes() {
		assertThat(mvc.put()
			.uri("/api/admin/notifications/settings")
			.header(HttpHeaders.AUTHORIZATION, leads.admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"webhooks\":[{\"url\":\"" + URL + "\",\"secret\":\"short\"},{\"url\":\"" + URL
					+ "x\",\"secret\":\"whsec_not*base64\"},{\"url\":\"" + URL + "y\",\"secret\":\"whsec_"
					+ "A".repeat(100) + "\"}]}"))
			.hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("webhooks[0].secret", "webhooks[1].secret", "webhooks[2].secret");
	}

	@Test
	void redeliveryNeedsItsOwnScopeAndRefusesWhatIsNotThere() {
		save("{\"url\":\"" + URL + "\",\"secret\":\"" + FIRST + "\"}");
		UUID lead = leads.leadOf(leads.submit());
		UUID event = jdbc.sql("select id from outbox_event where lead_id = :lead")
			.param("lead", lead)
			.query(UUID.class)
			.single();
		assertThat(mvc.post()
			.uri("/api/admin/notifications/events/{id}/redeliver", event)
			.header(HttpHeaders.AUTHORIZATION, leads.admin())).hasStatus(403);
		assertThat(mvc.post()
			.uri("/api/admin/notifications/events/{id}/redeliver", event)
			.header(HttpHeaders.AUTHORIZATION, redeliverer())).hasStatus(409);
		jdbc.sql("update outbox_event set expanded_at = created_at where id = :id").param("id", event).update();
		assertThat(mvc.post()
			.uri("/api/admin/notifications/events/{id}/redeliver", UUID.randomUUID())
			.header(HttpHeaders.AUTHORIZATION, redeliverer())).hasStatus(404);
		assertThat(mvc.post()
			.uri("/api/admin/notifications/deliveries/{id}/redeliver", Long.MAX_VALUE)
			.header(HttpHeaders.AUTHORIZATION, redeliverer())).hasStatus(404);

		assertThat(mvc.post()
			.uri("/api/admin/notifications/events/{id}/redeliver", event)
			.header(HttpHeaders.AUTHORIZATION, redeliverer())).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].redelivery")
			.asArray()
			.containsExactly(1);
		long delivery = jdbc.sql("select id from notification_delivery where event_id = :event")
			.param("event", event)
			.query(Long.class)
			.single();
		assertThat(mvc.post()
			.uri("/api/admin/notifications/deliveries/{id}/redeliver", delivery)
			.header(HttpHeaders.AUTHORIZATION, redeliverer())).hasStatusOk()
			.bodyJson()
			.extractingPath("$.redelivery")
			.isEqualTo(2);
		assertThat(jdbc
			.sql("select count(*) from audit_entry where action = 'notifications.redelivered' and lead_id = :lead")
			.param("lead", lead)
			.query(Integer.class)
			.single()).isEqualTo(2);

		assertThat(mvc.get().uri("/v3/api-docs")).hasStatusOk()
			.bodyText()
			.contains("/api/admin/notifications/events/{eventId}/redeliver",
					"/api/admin/notifications/deliveries/{id}/redeliver", "notifications:redeliver");

		save("{\"url\":\"" + URL + "/moved\"}");
		assertThat(mvc.post()
			.uri("/api/admin/notifications/deliveries/{id}/redeliver", delivery)
			.header(HttpHeaders.AUTHORIZATION, redeliverer())).hasStatus(400);
	}

	private String redeliverer() {
		return "Bearer " + tokens.token(LeadFixtures.ADMIN, "notifications:redeliver");
	}

	private void save(String webhook) {
		assertThat(mvc.put()
			.uri("/api/admin/notifications/settings")
			.header(HttpHeaders.AUTHORIZATION, leads.admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"salesInbox\":\"\",\"maxAttempts\":3,\"webhooks\":[" + webhook + "]}")).hasStatusOk();
	}

	private String storedWebhooks() {
		return jdbc.sql("select webhooks from notification_settings where id = 1").query(String.class).single();
	}

}
