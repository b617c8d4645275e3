package com.northbeam.assessment.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.northbeam.assessment.AssessmentServiceTest;
import com.northbeam.assessment.colleague.ColleagueInvitations;
import com.northbeam.assessment.lead.LeadContacts;
import com.northbeam.assessment.lead.LeadFixtures;
import com.northbeam.assessment.outbox.StandardWebhooksReference.Case;
import com.northbeam.assessment.outbox.StandardWebhooksReference.Result;
import com.northbeam.testsupport.FakeHttpServer;
import com.northbeam.testsupport.TestTokenIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Webhook deliveries as a receiver gets them, verified with the Standard Webhooks
 * reference implementation: one secret, two during a rotation, and refusals of a tampered
 * body, an old timestamp and the wrong secret.
 */
@AssessmentServiceTest
class StandardWebhooksTests {

	private static final Logger logger = LoggerFactory.getLogger(StandardWebhooksTests.class);

	static final String FIRST_SECRET = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestTokenIssuer tokens;

	@Autowired
	ObjectMapper json;

	@Autowired
	OutboxMetrics metrics;

	@Autowired
	NotificationSettings settings;

	@Autowired
	OutboxRepository outbox;

	@Autowired
	DeliveryRepository deliveries;

	@Autowired
	LeadContacts leadContacts;

	@Autowired
	ColleagueInvitations invitations;

	@Autowired
	SecretCipher cipher;

	@Autowired
	ResumeLinks resumeLinks;

	LeadFixtures leads;

	FakeHttpServer receiver;

	@BeforeEach
	void setUp() {
		leads = new LeadFixtures(mvc, jdbc, tokens, json);
		jdbc.sql("update outbox_event set expanded_at = created_at where expanded_at is null").update();
		jdbc.sql("update notification_delivery set state = 'dead' where state = 'pending'").update();
		receiver = new FakeHttpServer().respond("POST", "/hook", FakeHttpServer.Response.status(204));
	}

	@AfterEach
	void tearDown() {
		receiver.close();
	}

	@Test
	void theReferenceImplementationVerifiesOneSignatureAndBothDuringARotation() throws Exception {
		saveSettings("{\"salesInbox\":\"\",\"maxAttempts\":3,\"webhooks\":[{\"url\":\"" + hook() + "\",\"secret\":\""
				+ FIRST_SECRET + "\"}]}");
		leads.leadOf(leads.submit());
		dispatch(Clock.systemUTC());
		FakeHttpServer.Request single = receiver.requests().get(0);

		JsonNode rotated = saveSettings("{\"salesInbox\":\"\",\"maxAttempts\":3,\"webhooks\":[{\"url\":\"" + hook()
				+ "\",\"generateSecret\":true}]}");
		String secondSecret = rotated.get("webhooks").get(0).get("generatedSecret").asString();
		assertThat(secondSecret).startsWith("whsec_").isNotEqualTo(FIRST_SECRET);
		assertThat(rotated.get("webhooks").get(0).get("previousSecretUntil").isNull()).isFalse();
		String eventId = header(single, "webhook-id");
		assertThat(mvc.post()
			.uri("/api/admin/notifications/events/{id}/redeliver", eventId)
			.header(HttpHeaders.AUTHORIZATION, redeliverer())).hasStatusOk();
		dispatch(Clock.systemUTC());
		FakeHttpServer.Request both = receiver.requests().get(1);

		long redelivery = jdbc.sql("select max(id) from notification_delivery").query(Long.class).single();
		assertThat(mvc.post()
			.uri("/api/admin/notifications/deliveries/{id}/redeliver", redelivery)
			.header(HttpHeaders.AUTHORIZATION, redeliverer())).hasStatusOk();
		dispatch(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10)));
		FakeHttpServer.Request old = receiver.requests().get(2);

		logger.info("A delivery during a rotation: {} {}", received(both), both.body());
		assertThat(header(both, "webhook-id")).isEqualTo(eventId);
		assertThat(header(old, "webhook-id")).isEqualTo(eventId);
		assertThat(header(single, "webhook-signature").split(" ")).hasSize(1);
		assertThat(header(both, "webhook-signature").split(" ")).hasSize(2);
		assertThat(single.headers().keySet()).noneMatch((name) -> name.equalsIgnoreCase("X-Northbeam-Signature"));

		List<Result> results = StandardWebhooksReference
			.verify(List.of(new Case("one secret", FIRST_SECRET, received(single), single.body()),
					new Case("rotation, new secret", secondSecret, received(both), both.body()),
					new Case("rotation, previous secret", FIRST_SECRET, received(both), both.body()),
					new Case("tampered body", secondSecret, received(both), both.body().replace("\"type\"", "\"typ\"")),
					new Case("replayed with an old timestamp", secondSecret, received(old), old.body()),
					new Case("wrong secret", secondSecret, received(single), single.body())), json);

		assertThat(results).extracting(Result::name, Result::verified)
			.containsExactly(tuple("one secret", true), tuple("rotation, new secret", true),
					tuple("rotation, previous secret", true), tuple("tampered body", false),
					tuple("replayed with an old timestamp", false), tuple("wrong secret", false));
		assertThat(results.get(4).error()).isEqualTo("Message timestamp too old");
		assertThat(results.get(3).error()).isEqualTo("No matching signature found");
	}

	private String hook() {
		return receiver.baseUrl() + "/hook";
	}

	private String redeliverer() {
		return "Bearer " + tokens.token(LeadFixtures.ADMIN, "admin", "notifications:redeliver");
	}

	private JsonNode saveSettings(String body) {
		return leads.body(mvc.put()
			.uri("/api/admin/notifications/settings")
			.header(HttpHeaders.AUTHORIZATION, leads.admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange());
	}

	/** One dispatcher round; the sender signs with the time of {@code sendClock}. */
	private void dispatch(Clock sendClock) {
		NotificationProperties config = new NotificationProperties("", "notifications@northbeam.test",
				"http://dashboard.test", 3, Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofMillis(100), 20,
				Duration.ofSeconds(3), 2, Duration.ofMinutes(5), null, Duration.ofHours(24));
		Clock utc = Clock.systemUTC();
		try (Dispatcher dispatcher = new Dispatcher(outbox, deliveries, settings,
				new NotificationSender(leadContacts, invitations, outbox, resumeLinks, (JavaMailSender) null, json,
						config, cipher, sendClock.withZone(ZoneOffset.UTC)),
				new DeliveryRecorder(deliveries, outbox, config, utc, this.metrics), config, utc)) {
			assertThat(dispatcher.dispatch()).isEqualTo(1);
		}
	}

	private static String header(FakeHttpServer.Request request, String name) {
		return request.headers()
			.entrySet()
			.stream()
			.filter((header) -> header.getKey().equalsIgnoreCase(name))
			.map((header) -> header.getValue().get(0))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No " + name + " header"));
	}

	/** The Standard Webhooks headers as the receiver got them. */
	private static Map<String, String> received(FakeHttpServer.Request request) {
		Map<String, String> headers = new LinkedHashMap<>();
		for (String name : List.of("webhook-id", "webhook-timestamp", "webhook-signature")) {
			headers.put(name, header(request, name));
		}
		return headers;
	}

}
