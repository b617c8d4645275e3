package com.northbeam.assessment.outbox;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import com.northbeam.assessment.AssessmentServiceTest;
import com.northbeam.assessment.colleague.ColleagueInvitations;
import com.northbeam.assessment.lead.LeadContacts;
import com.northbeam.assessment.lead.LeadFixtures;
import com.northbeam.testsupport.FakeSmtpServer;
import com.northbeam.testsupport.FakeSmtpServer.Stage;
import com.northbeam.testsupport.TestTokenIssuer;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A prospect's link to finish the assessment later: taken by the API, sent through the
 * outbox to a real SMTP server, to the prospect only, and the address forgotten once the
 * email is sent or given up.
 */
@AssessmentServiceTest
class ResumeLinkTests {

	static final String LINK = "https://www.northbeam.example/assessment/resume/AAECAwQFBgcICQoLDA0ODwAAAABoAAAA.c2ln";

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
	OutboxRepository outbox;

	@Autowired
	OutboxMetrics metrics;

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

	final DispatcherTests.MutableClock clock = new DispatcherTests.MutableClock(Instant.now());

	final List<Dispatcher> dispatchers = new ArrayList<>();

	LeadFixtures leads;

	FakeSmtpServer mailServer;

	@BeforeEach
	void setUp() {
		leads = new LeadFixtures(mvc, jdbc, tokens, json);
		mailServer = new FakeSmtpServer();
		// Other tests' events are not this test's business.
		jdbc.sql("update outbox_event set expanded_at = created_at where expanded_at is null").update();
		jdbc.sql("update notification_delivery set state = 'dead' where state = 'pending'").update();
		assertThat(mvc.put()
			.uri("/api/admin/notifications/settings")
			.header(HttpHeaders.AUTHORIZATION, leads.admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"salesInbox\":\"sales@northbeam.test\",\"maxAttempts\":2,\"webhooks\":[]}")).hasStatusOk();
	}

	@AfterEach
	void tearDown() {
		dispatchers.forEach(Dispatcher::close);
		mailServer.close();
	}

	@Test
	void theLinkIsEmailedToTheProspectOnlyAndTheAddressIsForgottenOnceSent() throws Exception {
		MvcTestResult result = post(leads.gateway(),
				body("sam@harbour.example", LINK, Instant.now().plusSeconds(3600)));
		assertThat(result).hasStatus(HttpStatus.ACCEPTED);
		UUID id = UUID.fromString(json.readTree(result.getResponse().getContentAsString()).get("id").asString());
		assertThat(jdbc
			.sql("select lead_id is null and payload like '%sam@harbour.example%' from outbox_event "
					+ "where id = :id")
			.param("id", id)
			.query(Boolean.class)
			.single()).isTrue();

		assertThat(dispatcher().dispatch()).as("one email, to the prospect; no sales email, no webhook").isEqualTo(1);

		assertThat(mailServer.messages()).hasSize(1);
		MimeMessage message = parse(mailServer.messages().get(0));
		assertThat(message.getAllRecipients()).extracting(Object::toString).containsExactly("sam@harbour.example");
		assertThat(message.getSubject()).isEqualTo("Your link to finish the IT support assessment");
		String text = message.getContent().toString();
		assertThat(text).contains(LINK, "The link works until", "did not keep your address");
		assertThat(jdbc.sql("select payload from outbox_event where id = :id")
			.param("id", id)
			.query(String.class)
			.optional()).as("the address is gone once sent").isEmpty();
		assertThat(jdbc.sql("select target from notification_delivery where event_id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("prospect " + id);
	}

	@Test
	void aMailServerThatKeepsRefusingIsGivenUpAndTheAddressForgotten() throws Exception {
		mailServer.refuse(Stage.MAIL, "451 4.3.0 try again later");
		UUID id = accepted(body("kim@harbour.example", LINK, Instant.now().plusSeconds(3600)));
		Dispatcher dispatcher = dispatcher();
		assertThat(dispatcher.dispatch()).isEqualTo(1);
		assertThat(payload(id)).as("kept for the next attempt").isNotNull();
		clock.advance(Duration.ofHours(1));
		assertThat(dispatcher.dispatch()).isEqualTo(1);
		assertThat(jdbc.sql("select state from notification_delivery where event_id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("dead");
		assertThat(payload(id)).as("given up: forgotten").isNull();
		assertThat(mailServer.messages()).isEmpty();
	}

	@Test
	void aSentLinkIsNeverRedelivered() throws Exception {
		UUID id = accepted(body("sam@harbour.example", LINK, Instant.now().plusSeconds(3600)));
		dispatcher().dispatch();
		long delivery = jdbc.sql("select id from notification_delivery where event_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
		String redeliverer = "Bearer " + tokens.token(LeadFixtures.ADMIN, "admin", "notifications:redeliver");
		assertThat(mvc.post()
			.uri("/api/admin/notifications/events/{id}/redeliver", id)
			.header(HttpHeaders.AUTHORIZATION, redeliverer)).hasStatus(HttpStatus.CONFLICT);
		assertThat(mvc.post()
			.uri("/api/admin/notifications/deliveries/{id}/redeliver", delivery)
			.header(HttpHeaders.AUTHORIZATION, redeliverer)).hasStatus(HttpStatus.CONFLICT);
		assertThat(jdbc.sql("select count(*) from notification_delivery where event_id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void badInputIsRefusedFieldByFieldAndNothingIsStored() throws Exception {
		long before = events();
		MvcTestResult result = post(leads.gateway(), body("not an address\r\nBcc: x@y.example",
				"https://evil.example/phish", Instant.now().minusSeconds(1)));
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(result).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("email", "link", "expiresAt");
		assertThat(post(leads.gateway(), body("sam@harbour.example", LINK, Instant.now().plus(Duration.ofDays(60)))))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(post(leads.gateway(), "{}")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(events()).isEqualTo(before);
	}

	@Test
	void onlyTheSiteMayAskForALink() {
		String body = body("sam@harbour.example", LINK, Instant.now().plusSeconds(3600));
		assertThat(mvc.post().uri("/api/resume-links").contentType(MediaType.APPLICATION_JSON).content(body))
			.hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(post(leads.sales(), body)).hasStatus(HttpStatus.FORBIDDEN);
	}

	private UUID accepted(String body) throws Exception {
		MvcTestResult result = post(leads.gateway(), body);
		assertThat(result).hasStatus(HttpStatus.ACCEPTED);
		return UUID.fromString(json.readTree(result.getResponse().getContentAsString()).get("id").asString());
	}

	private MvcTestResult post(String authorization, String body) {
		return mvc.post()
			.uri("/api/resume-links")
			.header(HttpHeaders.AUTHORIZATION, authorization)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private String body(String email, String link, Instant expiresAt) {
		return json.writeValueAsString(new ResumeLinks.Email(email, link, expiresAt.truncatedTo(ChronoUnit.SECONDS)));
	}

	private String payload(UUID id) {
		return jdbc.sql("select payload from outbox_event where id = :id")
			.param("id", id)
			.query((rs, row) -> Optional.ofNullable(rs.getString(1)))
			.single()
			.orElse(null);
	}

	private long events() {
		return jdbc.sql("select count(*) from outbox_event").query(Long.class).single();
	}

	private Dispatcher dispatcher() {
		NotificationProperties config = new NotificationProperties("ignored@northbeam.test",
				"notifications@northbeam.test", "http://dashboard.test", 2, Duration.ofSeconds(10),
				Duration.ofMinutes(5), Duration.ofMillis(100), 20, Duration.ofSeconds(3), 4, Duration.ofMinutes(5),
				null, Duration.ofHours(24));
		JavaMailSenderImpl mail = new JavaMailSenderImpl();
		mail.setHost("127.0.0.1");
		mail.setPort(mailServer.port());
		Dispatcher dispatcher = new Dispatcher(
				outbox, deliveries, settings, new NotificationSender(leadContacts, invitations, outbox, resumeLinks,
						mail, json, config, cipher, clock),
				new DeliveryRecorder(deliveries, outbox, config, clock, metrics), config, clock);
		dispatchers.add(dispatcher);
		return dispatcher;
	}

	private static MimeMessage parse(String raw) throws Exception {
		return new MimeMessage(Session.getInstance(new Properties()),
				new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
	}

}
