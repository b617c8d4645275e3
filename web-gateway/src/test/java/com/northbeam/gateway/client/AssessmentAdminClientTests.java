package com.northbeam.gateway.client;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.gateway.token.ServiceTokens;
import com.northbeam.gateway.client.AssessmentAdminClient.AuditQuery;
import com.northbeam.gateway.client.AssessmentAdminClient.NotificationSettingsInput;
import com.northbeam.gateway.client.AssessmentAdminClient.Plan;
import com.northbeam.gateway.client.AssessmentAdminClient.PriceAssumptions;
import com.northbeam.gateway.client.AssessmentAdminClient.WebhookInput;
import com.northbeam.testsupport.FakeHttpServer;
import com.northbeam.testsupport.FakeHttpServer.Request;
import com.northbeam.testsupport.FakeHttpServer.Response;
import com.northbeam.testsupport.PostgresTestConfiguration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Against a fake assessment-service on the wire, in the context the other gateway tests
 * share.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
@RecordApplicationEvents
class AssessmentAdminClientTests {

	public static final String PRICES_JSON = """
			{"version":4,"createdAt":"2026-11-20T09:00:00Z","createdBy":"ada.admin@northbeam.test",
			 "assumptions":{"currency":"USD","employeesPerBand":{"1-10":8,"11-50":30,"51-200":120,"201-1000":450,"1000+":1500},
			 "itStaffByInternalIt":{"none":0.0,"tech_savvy_staff":0.25,"it_person":1.0,"it_team":3.0,"it_department":8.0},
			 "loadedSalary":95000,"benefitsShare":0.25,"toolsPerUser":240,"recruitingTrainingPerItStaff":7000,
			 "recruitingShare":0.6,"coManaged":{"perUserMonth":70,"projectsPerUser":60,"staffKept":1.0,"toolsKept":0.4,"recruitingKept":0.7},
			 "fullyManaged":{"perUserMonth":140,"projectsPerUser":90,"staffKept":0.1,"toolsKept":0.1,"recruitingKept":0.1},
			 "securityAddOnPerUserMonth":15,"securityAddOnWhen":["growing","complex"]}}""";

	static final StaffCaller ADMIN = new StaffCaller("ada.admin@northbeam.test",
			List.of("admin", "content:write", "leads:read", "leads:write", "submissions:read"));

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	AssessmentAdminClient client;

	@Autowired
	ServiceTokens tokens;

	@Autowired
	ApplicationEvents events;

	@Autowired
	@Qualifier("assessment")
	FakeHttpServer server;

	@Test
	void readsPriceAssumptionsWithATokenForTheSignedInAdmin() {
		server.respond("GET", "/api/admin/price-assumptions", Response.json(PRICES_JSON));

		AssessmentAdminClient.PriceAssumptionsVersion current = client.priceAssumptions(ADMIN);

		assertThat(current.version()).isEqualTo(4);
		assertThat(current.createdBy()).isEqualTo("ada.admin@northbeam.test");
		assertThat(current.assumptions().employeesPerBand()).containsEntry("1000+", 1500);
		assertThat(current.assumptions().fullyManaged().perUserMonth()).isEqualTo(140.0);
		JsonNode claims = claimsOf(lastRequest("GET", "/api/admin/price-assumptions"));
		assertThat(claims.get("sub").asString()).isEqualTo("ada.admin@northbeam.test");
		assertThat(claims.get("scope").asString())
			.isEqualTo("admin content:write leads:read leads:write submissions:read");
		assertThat(claims.get("aud").toString()).contains("assessment-service");
	}

	@Test
	void savingPriceAssumptionsSendsTheDocument() {
		server.respond("PUT", "/api/admin/price-assumptions",
				Response.json(PRICES_JSON.replace("\"version\":4", "\"version\":5")));
		PriceAssumptions assumptions = new PriceAssumptions("EUR", Map.of("1-10", 9), Map.of("none", 0.0), 90000, 0.2,
				200, 6000, 0.5, new Plan(65, 50, 1, 0.4, 0.7), new Plan(130, 80, 0.1, 0.1, 0.1), 12,
				List.of("complex"));

		assertThat(client.updatePriceAssumptions(ADMIN, assumptions, 4).version()).isEqualTo(5);

		JsonNode sent = json.readTree(lastRequest("PUT", "/api/admin/price-assumptions").body());
		assertThat(sent.get("currency").asString()).isEqualTo("EUR");
		assertThat(sent.get("employeesPerBand").get("1-10").asInt()).isEqualTo(9);
		assertThat(sent.get("coManaged").get("perUserMonth").asDouble()).isEqualTo(65.0);
		assertThat(sent.get("securityAddOnWhen").toString()).isEqualTo("[\"complex\"]");
	}

	@Test
	void fieldProblemsBecomeARejectionNamingEachField() {
		server.respond("PUT", "/api/admin/price-assumptions", new Response(400, "application/problem+json", """
				{"status":400,"detail":"Some fields cannot be accepted.",
				 "errors":[{"field":"employeesPerBand.1-10","message":"is required"},
				           {"field":"coManaged.staffKept","message":"must be less than or equal to 1"}]}""",
				Duration.ZERO));

		assertThatExceptionOfType(AdminRejectedException.class)
			.isThrownBy(() -> client.updatePriceAssumptions(ADMIN,
					new PriceAssumptions("USD", Map.of(), Map.of(), 0, 0, 0, 0, 0, new Plan(0, 0, 2, 0, 0),
							new Plan(0, 0, 0, 0, 0), 0, List.of()),
					4))
			.satisfies((ex) -> assertThat(ex.errors()).containsExactly(
					new FieldError("employeesPerBand.1-10", "is required"),
					new FieldError("coManaged.staffKept", "must be less than or equal to 1")));
	}

	@Test
	void aConflictIsTypedAndCarriesTheServicesExplanation() {
		server.respond("PUT", "/api/admin/notifications/settings", new Response(409, "application/problem+json", """
				{"status":409,"detail":"The settings were changed meanwhile",
				 "errors":[{"field":"version","message":"is not the newest"}]}""", Duration.ZERO));

		assertThatExceptionOfType(AdminConflictException.class)
			.isThrownBy(() -> client.updateNotificationSettings(ADMIN,
					new NotificationSettingsInput("sales@msp.test", List.of(), 5)))
			.withMessage("The settings were changed meanwhile");
	}

	@Test
	void notificationSettingsSendWebhookSecretsButNeverReadThemBack() {
		server.respond("GET", "/api/admin/notifications/settings", Response.json("""
				{"salesInbox":"sales@msp.test","dashboardBaseUrl":"https://msp.test/dashboard",
				 "webhooks":[{"url":"https://hooks.msp.test/a","hasSecret":true}],"maxAttempts":8}"""));
		server.respond("PUT", "/api/admin/notifications/settings",
				new Response(204, "application/json", "", Duration.ZERO));

		AssessmentAdminClient.NotificationSettings settings = client.notificationSettings(ADMIN);
		client.updateNotificationSettings(ADMIN,
				new NotificationSettingsInput("sales@msp.test",
						List.of(new WebhookInput("https://hooks.msp.test/a", null),
								new WebhookInput("https://hooks.msp.test/b", "s3cret")),
						6));

		assertThat(settings.webhooks()).singleElement()
			.satisfies((webhook) -> assertThat(webhook.hasSecret()).isTrue());
		assertThat(settings.maxAttempts()).isEqualTo(8);
		JsonNode sent = json.readTree(lastRequest("PUT", "/api/admin/notifications/settings").body());
		assertThat(sent.get("maxAttempts").asInt()).isEqualTo(6);
		assertThat(sent.get("webhooks").get(0).get("secret").isNull()).isTrue();
		assertThat(sent.get("webhooks").get(1).get("secret").asString()).isEqualTo("s3cret");
	}

	@Test
	void aGeneratedSecretComesBackOnceAndADeliveryIsRedelivered() {
		server.respond("PUT", "/api/admin/notifications/settings", Response
			.json("""
					{"salesInbox":null,"dashboardBaseUrl":"https://msp.test/dashboard",
					 "webhooks":[{"url":"https://hooks.msp.test/a","hasSecret":true,"previousSecretUntil":"2026-11-28T10:00:00Z",
					  "generatedSecret":"whsec_c2VjcmV0"}],"maxAttempts":8}"""));
		server.respond("POST", "/api/admin/notifications/deliveries/17/redeliver", Response.json("{\"id\":20}"));

		AssessmentAdminClient.NotificationSettings saved = client.updateNotificationSettings(ADMIN,
				new NotificationSettingsInput("", List.of(new WebhookInput("https://hooks.msp.test/a", null, true)),
						8));
		client.redeliverDelivery(ADMIN, "17");

		assertThat(saved.webhooks()).singleElement().satisfies((webhook) -> {
			assertThat(webhook.generatedSecret()).isEqualTo("whsec_c2VjcmV0");
			assertThat(webhook.previousSecretUntil()).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
		});
		JsonNode sent = json.readTree(lastRequest("PUT", "/api/admin/notifications/settings").body());
		assertThat(sent.get("webhooks").get(0).get("generateSecret").asBoolean()).isTrue();
		assertThat(lastRequest("POST", "/api/admin/notifications/deliveries/17/redeliver")).isNotNull();
		assertThatExceptionOfType(AdminNotFoundException.class)
			.isThrownBy(() -> client.redeliverDelivery(ADMIN, "404"));
	}

	@Test
	void deliveriesAuditAndRetry() {
		server.respond("GET", "/api/admin/notifications/deliveries", Response
			.json("""
					{"items":[{"id":17,"eventId":"e-1","channel":"webhook","target":"https://hooks.msp.test/a","state":"dead",
					  "attempts":8,"lastError":"HTTP 500","nextAttemptAt":null,"deliveredAt":null,"createdAt":"2026-11-27T10:00:00Z"}],
					 "nextCursor":"c-17"}"""));
		server.respond("GET", "/api/admin/audit", Response
			.json("""
					{"items":[{"at":"2026-11-27T11:00:00Z","actor":"sam@northbeam.test","action":"lead.status",
					  "leadId":"3f2b8c1e-0d4a-4e55-9a21-7b6f0c9d1e2a","detail":{"from":"new","to":"contacted"}},
					 {"at":"2026-11-27T10:00:00Z","actor":"ada@northbeam.test","action":"prices.update","leadId":null,"detail":"version 5"}],
					 "nextCursor":null}"""));
		server.respond("POST", "/api/admin/notifications/deliveries/17/retry",
				new Response(202, "application/json", "", Duration.ZERO));

		AssessmentAdminClient.DeliveryPage deliveries = client.deliveries(ADMIN, "dead", 50, null);
		AssessmentAdminClient.AuditPage audit = client.audit(ADMIN,
				new AuditQuery("sam@northbeam.test", null, Instant.parse("2026-11-01T00:00:00Z"), null, 50, null));
		client.retryDelivery(ADMIN, "17");

		assertThat(deliveries.items()).singleElement().satisfies((delivery) -> {
			assertThat(delivery.id()).isEqualTo("17");
			assertThat(delivery.dead()).isTrue();
		});
		assertThat(deliveries.nextCursor()).isEqualTo("c-17");
		assertThat(audit.items()).extracting(AssessmentAdminClient.AuditEntry::detailText)
			.containsExactly("{\"from\":\"new\",\"to\":\"contacted\"}", "version 5");
		assertThat(claimsOf(lastRequest("POST", "/api/admin/notifications/deliveries/17/retry")).get("sub").asString())
			.isEqualTo("ada.admin@northbeam.test");
	}

	@Test
	void exportReturnsTheDocumentAndEraseAndMissingLeadsAreTyped() {
		UUID lead = UUID.fromString("3f2b8c1e-0d4a-4e55-9a21-7b6f0c9d1e2a");
		server.respond("GET", "/api/admin/leads/" + lead + "/export", Response.json("{\"lead\":{\"name\":\"Pat\"}}"));
		UUID submission = UUID.fromString("7a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
		server.respond("POST", "/api/admin/leads/" + lead + "/erase", Response.json("{\"id\":\"" + lead
				+ "\",\"submissionId\":\"" + submission + "\",\"erased\":true,\"alreadyErased\":false}"));
		UUID missing = UUID.randomUUID();

		assertThat(new String(client.exportLead(ADMIN, lead), StandardCharsets.UTF_8))
			.isEqualTo("{\"lead\":{\"name\":\"Pat\"}}");
		client.eraseLead(ADMIN, lead);

		assertThat(lastRequest("POST", "/api/admin/leads/" + lead + "/erase")).isNotNull();
		assertThat(events.stream(LeadErased.class)).containsExactly(new LeadErased(lead, submission));
		assertThatExceptionOfType(AdminNotFoundException.class).isThrownBy(() -> client.eraseLead(ADMIN, missing));
	}

	@Test
	void aSlowServiceIsUnavailableNotAHang() {
		server.respond("GET", "/api/admin/notifications/settings",
				Response.json("{}").delayedBy(Duration.ofSeconds(5)));

		assertThatExceptionOfType(ServiceUnavailableException.class)
			.isThrownBy(() -> client.notificationSettings(ADMIN));
	}

	/**
	 * The fake server records paths only, so the query strings are checked against a bare
	 * server that records whole request URIs and answers every call with an empty page.
	 */
	@Test
	void filtersAndCursorsTravelAsQueryParameters() throws Exception {
		List<URI> seen = new CopyOnWriteArrayList<>();
		HttpServer bare = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		bare.createContext("/", (exchange) -> {
			seen.add(exchange.getRequestURI());
			byte[] body = "{\"items\":[],\"nextCursor\":null}".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		bare.start();
		try {
			AssessmentAdminClient direct = new AssessmentAdminClient(
					new TestServices("assessment-service", "http://127.0.0.1:" + bare.getAddress().getPort(),
							Duration.ofSeconds(2), tokens::issue)
						.client(AdminApi.class),
					(event) -> {
					});

			direct.audit(ADMIN, new AuditQuery("sam+1@northbeam.test", "lead.status",
					Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-28T00:00:00Z"), 50, "cursor/42"));
			direct.audit(ADMIN, new AuditQuery(" ", null, null, null, 50, null));
			direct.deliveries(ADMIN, "dead", 25, "c-9");
			direct.retryDelivery(ADMIN, "17/../../leads/{x}");
		}
		finally {
			bare.stop(0);
		}

		assertThat(seen).extracting(URI::getPath)
			.startsWith("/api/admin/audit", "/api/admin/audit", "/api/admin/notifications/deliveries");
		// Text in a path variable stays one segment: no template, no traversal.
		assertThat(seen.get(3).getRawPath())
			.isEqualTo("/api/admin/notifications/deliveries/17%2F..%2F..%2Fleads%2F%7Bx%7D/retry");
		assertThat(seen.get(0).getQuery()).isEqualTo(
				"actor=sam+1@northbeam.test&action=lead.status&from=2026-11-01T00:00:00Z&to=2026-11-28T00:00:00Z&limit=50&after=cursor/42");
		assertThat(seen.get(0).getRawQuery()).contains("actor=sam%2B1%40northbeam.test", "after=cursor%2F42");
		assertThat(seen.get(1).getQuery()).isEqualTo("limit=50");
		assertThat(seen.get(2).getQuery()).isEqualTo("state=dead&limit=25&after=c-9");
	}

	private Request lastRequest(String method, String path) {
		List<Request> matching = server.requests()
			.stream()
			.filter((request) -> request.method().equals(method) && request.path().equals(path))
			.toList();
		assertThat(matching).as("requests to " + method + " " + path).isNotEmpty();
		return matching.get(matching.size() - 1);
	}

	static JsonNode claimsOf(Request request) {
		String authorization = request.headers().get("Authorization").get(0);
		assertThat(authorization).startsWith("Bearer ");
		String payload = authorization.substring("Bearer ".length()).split("\\.")[1];
		return json.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
	}

}
