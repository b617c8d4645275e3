package com.northbeam.assessment.outbox;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.northbeam.assessment.AssessmentServiceTest;
import com.northbeam.assessment.colleague.ColleagueInvitations;
import com.northbeam.assessment.lead.LeadContacts;
import com.northbeam.assessment.lead.LeadEvent;
import com.northbeam.assessment.lead.LeadFixtures;
import com.northbeam.assessment.outbox.DeliveryRepository.Claim;
import com.northbeam.assessment.submission.SubmissionBodies;
import com.northbeam.testsupport.FakeHttpServer;
import com.northbeam.testsupport.FakeSmtpServer;
import com.northbeam.testsupport.FakeSmtpServer.Stage;
import com.northbeam.testsupport.TestTokenIssuer;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatcher against a real SMTP server (GreenMail) and a real HTTP receiver on
 * loopback ports, both of which can be down for a while; time is moved by a clock the
 * test controls.
 */
@AssessmentServiceTest
class DispatcherTests {

	private static final Logger logger = LoggerFactory.getLogger(DispatcherTests.class);

	static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

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
	DataSource dataSource;

	@Autowired
	SecretCipher cipher;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Redeliveries redeliveries;

	@Autowired
	ResumeLinks resumeLinks;

	final List<Dispatcher> dispatchers = new ArrayList<>();

	LeadFixtures leads;

	int smtpPort;

	int httpPort;

	GreenMail smtp;

	HttpServer receiver;

	final List<Received> webhooks = new CopyOnWriteArrayList<>();

	volatile int webhookStatus = 200;

	/** How long the receiver hangs before it drops a call unanswered; zero to answer. */
	volatile Duration webhookHang = Duration.ZERO;

	/** The webhook-id of every call that reached the receiver, answered or not. */
	final List<String> webhookCalls = new CopyOnWriteArrayList<>();

	final MutableClock clock = new MutableClock(Instant.now());

	record Received(String eventId, String webhookId, String timestamp, String signature, String body) {
	}

	static final class MutableClock extends Clock {

		private final AtomicReference<Instant> now;

		MutableClock(Instant start) {
			this.now = new AtomicReference<>(start);
		}

		void advance(Duration duration) {
			this.now.updateAndGet((instant) -> instant.plus(duration));
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now.get();
		}

	}

	@BeforeEach
	void setUp() throws IOException {
		leads = new LeadFixtures(mvc, jdbc, tokens, json);
		smtpPort = freePort();
		httpPort = freePort();
		// Deliveries of other tests' leads are not this test's business.
		jdbc.sql("update outbox_event set expanded_at = created_at where expanded_at is null").update();
		jdbc.sql("update notification_delivery set state = 'dead' where state = 'pending'").update();
		assertThat(mvc.put()
			.uri("/api/admin/notifications/settings")
			.header(HttpHeaders.AUTHORIZATION, leads.admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"salesInbox\":\"sales@northbeam.test\",\"maxAttempts\":10,\"webhooks\":[{\"url\":\"http://127.0.0.1:"
							+ httpPort + "/hook\",\"secret\":\"" + SECRET + "\"}]}"))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.webhooks[0].hasSecret")
			.isEqualTo(true);
	}

	@AfterEach
	void tearDown() {
		for (Dispatcher dispatcher : dispatchers) {
			dispatcher.close();
		}
		if (smtp != null) {
			smtp.stop();
		}
		if (receiver != null) {
			receiver.stop(0);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private void startSmtp() {
		smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
	}

	private void startReceiver() throws IOException {
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", httpPort), 0);
		receiver.setExecutor(Executors.newFixedThreadPool(4));
		receiver.createContext("/hook", (exchange) -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			webhookCalls.add(String.valueOf(exchange.getRequestHeaders().getFirst(WebhookSignature.ID_HEADER)));
			Duration hang = webhookHang;
			if (!hang.isZero()) {
				try {
					Thread.sleep(hang.toMillis());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				exchange.close();
				return;
			}
			int status = webhookStatus;
			if (status == 200) {
				webhooks.add(new Received(exchange.getRequestHeaders().getFirst(NotificationSender.EVENT_ID_HEADER),
						exchange.getRequestHeaders().getFirst(WebhookSignature.ID_HEADER),
						exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER),
						exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER), body));
			}
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		receiver.start();
	}

	private static NotificationProperties config(int batch, Duration webhookTimeout, Duration interval) {
		return new NotificationProperties("ignored@northbeam.test", "notifications@northbeam.test",
				"http://dashboard.test", 10, Duration.ofSeconds(10), Duration.ofMinutes(5), interval, batch,
				webhookTimeout, 4, Duration.ofMinutes(5), null, Duration.ofHours(24));
	}

	private static NotificationProperties config(int batch) {
		return config(batch, Duration.ofSeconds(3), Duration.ofSeconds(1));
	}

	private Dispatcher dispatcher(int batch) {
		return dispatcher(config(batch));
	}

	private Dispatcher dispatcher(NotificationProperties config) {
		JavaMailSenderImpl mail = new JavaMailSenderImpl();
		mail.setHost("127.0.0.1");
		mail.setPort(smtpPort);
		Properties properties = new Properties();
		properties.put("mail.smtp.connectiontimeout", "2000");
		properties.put("mail.smtp.timeout", "5000");
		mail.setJavaMailProperties(properties);
		Dispatcher dispatcher = new Dispatcher(outbox, deliveries, settings, new NotificationSender(leadContacts,
				invitations, outbox, resumeLinks, mail, json, config, cipher, clock), recorder(config), config, clock);
		dispatchers.add(dispatcher);
		return dispatcher;
	}

	private DeliveryRecorder recorder(NotificationProperties config) {
		return new DeliveryRecorder(deliveries, outbox, config, clock, metrics);
	}

	private List<UUID> newLeads(int count) {
		List<UUID> created = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			created.add(leads.leadOf(leads.submit()));
		}
		return created;
	}

	/** Emails per lead, counted from the dashboard link each one carries. */
	private Map<UUID, Integer> emailsPerLead(List<UUID> ids) throws Exception {
		Map<UUID, Integer> counts = new HashMap<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			String text = message.getContent().toString();
			for (UUID id : ids) {
				if (text.contains("http://dashboard.test/leads/" + id)) {
					counts.merge(id, 1, Integer::sum);
				}
			}
		}
		return counts;
	}

	private Map<UUID, Integer> webhooksPerLead(List<UUID> ids) {
		Map<UUID, Integer> counts = new HashMap<>();
		for (Received received : webhooks) {
			JsonNode body = json.readTree(received.body());
			UUID lead = UUID.fromString(body.get("lead").get("id").asString());
			if (ids.contains(lead)) {
				counts.merge(lead, 1, Integer::sum);
			}
		}
		return counts;
	}

	private static Map<UUID, Integer> once(List<UUID> ids) {
		Map<UUID, Integer> once = new HashMap<>();
		ids.forEach((id) -> once.put(id, 1));
		return once;
	}

	@Test
	void withSmtpAndTheReceiverDownForAWhileEveryLeadIsDeliveredExactlyOnceEachAfterTheyReturn() throws Exception {
		List<UUID> ids = newLeads(5);
		Dispatcher dispatcher = dispatcher(3);
		for (int round = 0; round < 3; round++) {
			dispatcher.dispatch();
			clock.advance(Duration.ofMinutes(10));
		}
		List<Map<String, Object>> waiting = jdbc
			.sql("select d.channel, d.state, d.attempts, d.last_error from notification_delivery d "
					+ "join outbox_event e on e.id = d.event_id where e.lead_id in (:ids)")
			.param("ids", ids)
			.query()
			.listOfRows();
		assertThat(waiting).hasSize(10).allSatisfy((row) -> {
			assertThat(row.get("state")).isEqualTo("pending");
			assertThat(row.get("last_error") != null).isEqualTo(((Integer) row.get("attempts")) > 0);
		});
		// A target that is down is asked once a round (once its pause is over), not once
		// for each delivery waiting for it: three attempts per channel, not fifteen.
		for (String channel : List.of("email", "webhook")) {
			assertThat(waiting.stream()
				.filter((row) -> channel.equals(row.get("channel")))
				.mapToInt((row) -> (Integer) row.get("attempts"))
				.sum()).as(channel).isEqualTo(3);
		}

		startSmtp();
		startReceiver();
		clock.advance(Duration.ofHours(1));
		dispatcher.dispatch();
		clock.advance(Duration.ofHours(1));
		dispatcher.dispatch();

		assertThat(emailsPerLead(ids)).isEqualTo(once(ids));
		assertThat(webhooksPerLead(ids)).isEqualTo(once(ids));
		for (Received received : webhooks) {
			assertThat(received.webhookId()).isEqualTo(received.eventId());
			assertThat(received.signature())
				.isEqualTo(WebhookSignature.sign(List.of(WebhookSignature.keyOf(SECRET)), received.webhookId(),
						Long.parseLong(received.timestamp()), received.body().getBytes(StandardCharsets.UTF_8)));
			assertThat(json.readTree(received.body()).get("eventId").asString()).isEqualTo(received.eventId());
		}
		assertThat(webhooks.stream().map(Received::eventId).distinct().count()).isEqualTo(webhooks.size());
		MimeMessage first = smtp.getReceivedMessages()[0];
		assertThat(first.getHeader(NotificationSender.EVENT_ID_HEADER)).isNotEmpty();
		assertThat(first.getSubject()).startsWith("New lead:");
		assertThat(leads
			.body(mvc.get()
				.uri("/api/admin/notifications/deliveries?state=delivered&limit=10")
				.header(HttpHeaders.AUTHORIZATION, leads.admin())
				.exchange())
			.get("items")
			.get(0)
			.get("deliveredAt")
			.isNull()).isFalse();
	}

	/**
	 * The test above has both targets refuse connections; here they answer but fail: the
	 * mail server answers 4xx to MAIL FROM, then 5xx after the whole message was sent,
	 * and the receiver answers 500, then hangs past the webhook timeout. Once both
	 * recover, each event arrives exactly once on each channel, counted at the receivers
	 * by the event id each carries.
	 */
	@Test
	void smtpRefusingAndAWebhookFailingOrHangingThenRecoveringDeliverEachEventExactlyOnce() throws Exception {
		try (FakeSmtpServer mailServer = new FakeSmtpServer()) {
			smtpPort = mailServer.port();
			startReceiver();
			List<UUID> ids = newLeads(3);
			List<String> events = jdbc.sql("select id::text from outbox_event where lead_id in (:ids)")
				.param("ids", ids)
				.query(String.class)
				.list();
			assertThat(events).hasSize(3);
			Dispatcher dispatcher = dispatcher(config(10, Duration.ofSeconds(1), Duration.ofMillis(100)));

			mailServer.refuse(Stage.MAIL, "451 4.3.0 try again later");
			webhookStatus = 500;
			// Each target is tried once, then left alone until its pause is over.
			assertThat(dispatcher.dispatch()).isEqualTo(2);
			assertThat(dispatcher.dispatch()).isZero();
			assertThat(lastErrors(ids)).hasSize(2)
				.anySatisfy((error) -> assertThat(error).contains("451"))
				.anySatisfy((error) -> assertThat(error).contains("500"));

			clock.advance(Duration.ofHours(1));
			mailServer.refuse(Stage.DATA, "554 5.6.0 message refused");
			webhookStatus = 200;
			webhookHang = Duration.ofSeconds(3);
			long started = System.nanoTime();
			assertThat(dispatcher.dispatch()).isEqualTo(2);
			// One call to the hanging target, given up after the 1 s timeout.
			assertThat(millis(System.nanoTime() - started)).isLessThan(2500);
			assertThat(lastErrors(ids)).hasSize(4)
				.anySatisfy((error) -> assertThat(error).contains("554"))
				.anySatisfy((error) -> assertThat(error).contains("imeout"));
			assertThat(mailServer.refusals()).hasSize(2);
			assertThat(mailServer.messages()).isEmpty();
			assertThat(webhookCalls).hasSize(2);
			assertThat(webhooks).isEmpty();

			clock.advance(Duration.ofHours(1));
			mailServer.accept();
			webhookHang = Duration.ZERO;
			// The first success ends the pause: the rest follow in the same run.
			assertThat(dispatcher.dispatch()).isEqualTo(6);
			clock.advance(Duration.ofHours(1));
			assertThat(dispatcher.dispatch()).isZero();

			assertThat(eventIdsOf(mailServer.messages())).containsExactlyInAnyOrderElementsOf(events);
			assertThat(webhooks).extracting(Received::webhookId).containsExactlyInAnyOrderElementsOf(events);
			assertThat(webhookCalls).hasSize(5);
			List<Map<String, Object>> rows = jdbc
				.sql("select d.channel, d.state, d.attempts from notification_delivery d "
						+ "join outbox_event e on e.id = d.event_id where e.lead_id in (:ids)")
				.param("ids", ids)
				.query()
				.listOfRows();
			assertThat(rows).hasSize(6).allSatisfy((row) -> assertThat(row.get("state")).isEqualTo("delivered"));
			for (String channel : List.of("email", "webhook")) {
				assertThat(rows.stream()
					.filter((row) -> channel.equals(row.get("channel")))
					.map((row) -> (Integer) row.get("attempts"))).as(channel).containsExactlyInAnyOrder(2, 2, 1);
			}
		}
	}

	private List<String> lastErrors(List<UUID> ids) {
		return jdbc
			.sql("select d.last_error from notification_delivery d join outbox_event e on e.id = d.event_id "
					+ "where e.lead_id in (:ids) and d.state = 'pending' and d.last_error is not null")
			.param("ids", ids)
			.query(String.class)
			.list();
	}

	private static final Pattern EVENT_ID = Pattern
		.compile("(?mi)^" + NotificationSender.EVENT_ID_HEADER + ":\\s*(\\S+)");

	private static List<String> eventIdsOf(List<String> messages) {
		List<String> ids = new ArrayList<>();
		for (String message : messages) {
			Matcher matcher = EVENT_ID.matcher(message);
			assertThat(matcher.find()).as("an event id in %s", message).isTrue();
			ids.add(matcher.group(1));
		}
		return ids;
	}

	@Test
	void twoDispatchersRunningAtOnceNeverDoubleSend() throws Exception {
		startSmtp();
		startReceiver();
		List<UUID> ids = newLeads(24);
		List<Dispatcher> dispatchers = List.of(dispatcher(2), dispatcher(2));
		CyclicBarrier start = new CyclicBarrier(2);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Callable<Integer>> runs = new ArrayList<>();
			for (Dispatcher dispatcher : dispatchers) {
				runs.add(() -> {
					start.await();
					int attempts = 0;
					for (int i = 0; i < 5; i++) {
						attempts += dispatcher.dispatch();
					}
					return attempts;
				});
			}
			List<Integer> attempts = new ArrayList<>();
			for (Future<Integer> run : pool.invokeAll(runs)) {
				attempts.add(run.get());
			}
			// Both took part, and together they made exactly one attempt per delivery.
			assertThat(attempts).allSatisfy((count) -> assertThat(count).isPositive());
			assertThat(attempts.get(0) + attempts.get(1)).isEqualTo(48);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(emailsPerLead(ids)).isEqualTo(once(ids));
		assertThat(webhooksPerLead(ids)).isEqualTo(once(ids));
	}

	@Test
	void failedDeliveriesBackOffEndDeadLetteredAndAnAdminRetryDeliversThem() throws Exception {
		assertThat(
				mvc.put()
					.uri("/api/admin/notifications/settings")
					.header(HttpHeaders.AUTHORIZATION, leads.admin())
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"salesInbox\":\"\",\"maxAttempts\":3,\"webhooks\":[{\"url\":\"http://127.0.0.1:"
							+ httpPort + "/hook\"}]}"))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.webhooks[0].hasSecret")
			.isEqualTo(true);
		webhookStatus = 500;
		startReceiver();
		UUID lead = newLeads(1).get(0);
		Dispatcher dispatcher = dispatcher(5);
		dispatcher.dispatch();
		// Not due again before the backoff has passed.
		assertThat(dispatcher.dispatch()).isZero();
		DeliveryRecorder recorder = recorder(config(5));
		assertThat(recorder.backoff(1)).isEqualTo(Duration.ofSeconds(10));
		assertThat(recorder.backoff(2)).isEqualTo(Duration.ofSeconds(20));
		assertThat(recorder.backoff(20)).isEqualTo(Duration.ofMinutes(5));
		clock.advance(Duration.ofSeconds(11));
		assertThat(dispatcher.dispatch()).isEqualTo(1);
		clock.advance(Duration.ofSeconds(21));
		assertThat(dispatcher.dispatch()).isEqualTo(1);
		clock.advance(Duration.ofHours(1));
		assertThat(dispatcher.dispatch()).isZero();
		JsonNode dead = leads
			.body(mvc.get()
				.uri("/api/admin/notifications/deliveries?state=dead&limit=1")
				.header(HttpHeaders.AUTHORIZATION, leads.admin())
				.exchange())
			.get("items")
			.get(0);
		assertThat(dead.get("attempts").asInt()).isEqualTo(3);
		assertThat(dead.get("channel").asString()).isEqualTo("webhook");
		assertThat(dead.get("lastError").asString()).contains("500");
		long id = dead.get("id").asLong();
		assertThat(jdbc.sql(
				"select e.lead_id from notification_delivery d join outbox_event e on e.id = d.event_id where d.id = :id")
			.param("id", id)
			.query(UUID.class)
			.single()).isEqualTo(lead);

		webhookStatus = 200;
		assertThat(mvc.post()
			.uri("/api/admin/notifications/deliveries/{id}/retry", id)
			.header(HttpHeaders.AUTHORIZATION, leads.admin())).hasStatusOk()
			.bodyJson()
			.extractingPath("$.state")
			.isEqualTo("pending");
		clock.advance(Duration.ofSeconds(1));
		assertThat(dispatcher.dispatch()).isEqualTo(1);
		assertThat(webhooksPerLead(List.of(lead))).isEqualTo(Map.of(lead, 1));
		assertThat(mvc.post()
			.uri("/api/admin/notifications/deliveries/{id}/retry", id)
			.header(HttpHeaders.AUTHORIZATION, leads.admin())).hasStatus(400);
		assertThat(
				jdbc.sql("select count(*) from audit_entry where action = 'notifications.changed' and detail = :detail")
					.param("detail", "retry delivery " + id)
					.query(Integer.class)
					.single())
			.isEqualTo(1);
	}

	/**
	 * A webhook that takes 5 s to answer holds neither a connection nor a row lock, and
	 * deliveries to the other targets, including those of leads that arrive meanwhile, go
	 * out while it is in flight.
	 */
	@Test
	void aSlowWebhookHoldsNoConnectionAndDeliveriesToOtherTargetsKeepFlowing() throws Exception {
		startSmtp();
		startReceiver();
		String fastHook = "{\"url\":\"http://127.0.0.1:" + httpPort + "/hook\",\"secret\":\"" + SECRET + "\"}";
		try (FakeHttpServer slow = new FakeHttpServer()) {
			slow.respond("POST", "/slow", FakeHttpServer.Response.json("{}").delayedBy(Duration.ofSeconds(5)));
			saveSettings("{\"salesInbox\":\"sales@northbeam.test\",\"maxAttempts\":10,\"webhooks\":[{\"url\":\""
					+ slow.baseUrl() + "/slow\"}," + fastHook + "]}");
			List<UUID> ids = new ArrayList<>(newLeads(1));
			Dispatcher dispatcher = dispatcher(config(20, Duration.ofSeconds(8), Duration.ofMillis(100)));
			ExecutorService background = Executors.newSingleThreadExecutor();
			try {
				long start = System.nanoTime();
				Future<Integer> run = background.submit(dispatcher::dispatch);
				await(Duration.ofSeconds(10), () -> !slow.requests().isEmpty());
				long slowStarted = System.nanoTime();
				// Leads that arrive now are announced to the fast targets only.
				saveSettings(
						"{\"salesInbox\":\"sales@northbeam.test\",\"maxAttempts\":10,\"webhooks\":[" + fastHook + "]}");
				HikariPoolMXBean pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
				List<int[]> samples = new ArrayList<>();
				samples.add(sample(pool));
				long slowDelivery = slowDeliveryId();
				assertThat(borrowEveryConnectionAndLock(slowDelivery)).isEqualTo(maximumPoolSize());
				ids.addAll(newLeads(5));
				int others = 2 * ids.size();
				await(Duration.ofSeconds(10), () -> {
					samples.add(sample(pool));
					return delivered(ids) == others;
				});
				long othersDone = System.nanoTime();
				String slowState = jdbc.sql("select state from notification_delivery where id = :id")
					.param("id", slowDelivery)
					.query(String.class)
					.single();
				boolean slowStillInFlight = !run.isDone();
				samples.add(sample(pool));
				int attempts = run.get(30, TimeUnit.SECONDS);
				long end = System.nanoTime();

				logger.info(
						"Slow webhook in flight for {} ms (dispatch call {} ms); {} other deliveries completed {} ms after "
								+ "it went out; pool (active, idle, total, waiting) samples: {}",
						millis(end - slowStarted), millis(end - start), others, millis(othersDone - slowStarted),
						samples.stream().map(Arrays::toString).distinct().toList());
				assertThat(slowStillInFlight).isTrue();
				assertThat(slowState).isEqualTo("pending");
				assertThat(millis(othersDone - slowStarted)).isLessThan(5000);
				assertThat(samples).allSatisfy((sample) -> assertThat(sample[3]).isZero());
				assertThat(samples.stream().mapToInt((sample) -> sample[0]).max().orElseThrow())
					.isLessThan(maximumPoolSize());
				assertThat(attempts).isEqualTo(others + 1);
				assertThat(slow.requests()).hasSize(1);
				assertThat(jdbc.sql("select state from notification_delivery where id = :id")
					.param("id", slowDelivery)
					.query(String.class)
					.single()).isEqualTo("delivered");
				assertThat(emailsPerLead(ids)).isEqualTo(once(ids));
				assertThat(webhooksPerLead(ids)).isEqualTo(once(ids));
			}
			finally {
				background.shutdownNow();
			}
		}
	}

	/**
	 * Thousands of deliveries waiting for the sales inbox (the mail server down for a
	 * while, its one delivery at a time in flight) hide neither the webhook's delivery
	 * nor a later one of the inbox's own: the oldest due delivery of each target that is
	 * not busy is claimed.
	 */
	@Test
	void aLongQueueForABusyTargetHidesNoOtherTarget() {
		Instant now = clock.instant();
		UUID webhookEvent = jdbc.sql("""
				with events as (
				  insert into outbox_event (id, kind, created_at, expanded_at)
				  select gen_random_uuid(), 'lead.created', :at, :at from generate_series(1, 3000) returning id),
				deliveries as (
				  insert into notification_delivery (event_id, channel, target, state, attempts, next_attempt_at,
				    created_at)
				  select id, 'email', 'sales@northbeam.test', 'pending', 1, :due, :due from events)
				select min(id::text)::uuid from events""")
			.param("at", OutboxRepository.timestamp(now.minusSeconds(60)))
			.param("due", OutboxRepository.timestamp(now.minusSeconds(30)))
			.query(UUID.class)
			.single();
		jdbc.sql(
				"""
						insert into notification_delivery (event_id, channel, target, state, attempts, next_attempt_at, created_at)
						values (:event, 'webhook', 'https://hooks.example.test/leads', 'pending', 0, :at, :at)""")
			.param("event", webhookEvent)
			.param("at", OutboxRepository.timestamp(now.minusSeconds(1)))
			.update();

		List<DeliveryRepository.Claim> whileTheInboxIsBusy = deliveries.claimDue("test", now, Duration.ofMinutes(1), 4,
				20, Set.of("sales@northbeam.test"));
		List<DeliveryRepository.Claim> once = deliveries.claimDue("test", now, Duration.ofMinutes(1), 4, 20, Set.of());

		assertThat(whileTheInboxIsBusy).extracting(DeliveryRepository.Claim::target)
			.containsExactly("https://hooks.example.test/leads");
		assertThat(once).extracting(DeliveryRepository.Claim::target).containsExactly("sales@northbeam.test");
		// Finding them reads a row or two per target, not the inbox's whole queue.
		assertThat(deliveryRowsReadToClaim(now, Set.of("sales@northbeam.test"))).isLessThan(20);
		assertThat(deliveryRowsReadToClaim(now, Set.of())).isLessThan(20);
	}

	/**
	 * Rows of notification_delivery the claim query reads or filters out, from its plan.
	 */
	private long deliveryRowsReadToClaim(Instant now, Set<String> busy) {
		String sql = "explain (analyze, format json) " + DeliveryRepository.OLDEST_DUE_PER_TARGET
			.formatted(busy.isEmpty() ? "" : " and t.target not in (:busy)");
		String plan = transactions.execute((tx) -> {
			tx.setRollbackOnly();
			return jdbc.sql(sql)
				.param("now", OutboxRepository.timestamp(now))
				.param("busy", List.copyOf(busy))
				.param("scan", 20)
				.query(String.class)
				.single();
		});
		List<JsonNode> scans = new ArrayList<>();
		json.readTree(plan).forEach((node) -> scans.addAll(node.findParents("Relation Name")));
		return scans.stream()
			.filter((scan) -> "notification_delivery".equals(scan.get("Relation Name").asString()))
			.mapToLong((scan) -> scan.get("Actual Loops").asLong()
					* (scan.get("Actual Rows").asLong() + scan.path("Rows Removed by Filter").asLong(0)))
			.sum();
	}

	/**
	 * An overdue lead's email goes to its owner instead of the sales inbox (to the sales
	 * inbox when it has none), once; every webhook gets the lead.overdue event; and its
	 * email can be redelivered to the owner, who is not in the settings.
	 */
	@Test
	void anOverdueLeadIsEmailedOnceToItsOwnerOrTheSalesInboxAndPostedToEveryWebhook() throws Exception {
		startSmtp();
		startReceiver();
		List<UUID> ids = newLeads(2);
		UUID owned = ids.get(0);
		UUID unowned = ids.get(1);
		Dispatcher dispatcher = dispatcher(10);
		dispatcher.dispatch();
		int newLeadEmails = smtp.getReceivedMessages().length;
		webhooks.clear();

		transactions.executeWithoutResult((tx) -> {
			events.publishEvent(new LeadEvent(UUID.randomUUID(), LeadEvent.LEAD_OVERDUE, owned, clock.instant(),
					"owner@northbeam.test"));
			events.publishEvent(new LeadEvent(UUID.randomUUID(), LeadEvent.LEAD_OVERDUE, unowned, clock.instant()));
		});
		assertThat(dispatcher.dispatch()).isEqualTo(4);
		clock.advance(Duration.ofHours(1));
		assertThat(dispatcher.dispatch()).isZero();

		MimeMessage[] all = smtp.getReceivedMessages();
		List<MimeMessage> overdue = Arrays.asList(all).subList(newLeadEmails, all.length);
		assertThat(overdue).hasSize(2);
		Map<UUID, String> recipients = new HashMap<>();
		for (MimeMessage message : overdue) {
			assertThat(message.getSubject()).startsWith("Lead waiting past the response target:");
			assertThat(message.getAllRecipients()).hasSize(1);
			String text = message.getContent().toString();
			recipients.put(text.contains(owned.toString()) ? owned : unowned, message.getAllRecipients()[0].toString());
		}
		assertThat(recipients).containsEntry(owned, "owner@northbeam.test")
			.containsEntry(unowned, "sales@northbeam.test");
		assertThat(webhooks).hasSize(2)
			.allSatisfy((received) -> assertThat(json.readTree(received.body()).get("type").asString())
				.isEqualTo("lead.overdue"));
		assertThat(webhooksPerLead(ids)).isEqualTo(once(ids));

		long ownerDelivery = jdbc.sql("select d.id from notification_delivery d join outbox_event e "
				+ "on e.id = d.event_id where e.lead_id = :lead and e.kind = 'lead.overdue' and d.channel = 'email'")
			.param("lead", owned)
			.query(Long.class)
			.single();
		assertThat(redeliveries.delivery(ownerDelivery, LeadFixtures.ADMIN).target()).isEqualTo("owner@northbeam.test");
	}

	@Test
	void theDeliveriesOfAnInstanceThatDiedAreSentOnceItsLeaseHasExpired() throws Exception {
		startSmtp();
		startReceiver();
		UUID lead = newLeads(1).get(0);
		// The settings of setUp: the sales inbox and the receiver.
		outbox.expand(20, settings.current(), clock.instant());
		// An instance claims both deliveries and dies before sending them.
		List<Claim> lost = deliveries.claimDue("crashed", clock.instant(), Duration.ofMinutes(5), 10, 20, Set.of());
		assertThat(lost).hasSize(2).allSatisfy((claim) -> assertThat(claim.leadId()).isEqualTo(lead));
		Dispatcher dispatcher = dispatcher(5);
		assertThat(dispatcher.dispatch()).isZero();
		clock.advance(Duration.ofMinutes(4));
		assertThat(dispatcher.dispatch()).isZero();
		clock.advance(Duration.ofSeconds(61));
		assertThat(dispatcher.dispatch()).isEqualTo(2);
		assertThat(dispatcher.dispatch()).isZero();
		assertThat(emailsPerLead(List.of(lead))).isEqualTo(Map.of(lead, 1));
		assertThat(webhooksPerLead(List.of(lead))).isEqualTo(Map.of(lead, 1));
		// Should the lost instance come back, its late failure does not undo the
		// delivery.
		deliveries.markFailed(lost.get(0).id(), "crashed", 1, false, "late", clock.instant());
		assertThat(jdbc
			.sql("select state, claimed_by, claimed_until from notification_delivery where id in (:ids) order by id")
			.param("ids", lost.stream().map(Claim::id).toList())
			.query()
			.listOfRows()).hasSize(2).allSatisfy((row) -> {
				assertThat(row.get("state")).isEqualTo("delivered");
				assertThat(row.get("claimed_by")).isNull();
				assertThat(row.get("claimed_until")).isNull();
			});
	}

	private void saveSettings(String body) {
		assertThat(mvc.put()
			.uri("/api/admin/notifications/settings")
			.header(HttpHeaders.AUTHORIZATION, leads.admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).hasStatusOk();
	}

	private long slowDeliveryId() {
		return jdbc.sql("select id from notification_delivery where target like '%/slow'").query(Long.class).single();
	}

	private int delivered(List<UUID> ids) {
		return jdbc
			.sql("select count(*) from notification_delivery d join outbox_event e on e.id = d.event_id "
					+ "where e.lead_id in (:ids) and d.state = 'delivered' and d.target not like '%/slow'")
			.param("ids", ids)
			.query(Integer.class)
			.single();
	}

	private int maximumPoolSize() throws SQLException {
		return dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
	}

	/**
	 * Holds every connection of the pool at once and locks the slow delivery's row
	 * without waiting; returns how many connections it held.
	 */
	private int borrowEveryConnectionAndLock(long delivery) throws SQLException {
		List<Connection> held = new ArrayList<>();
		try {
			for (int i = 0; i < maximumPoolSize(); i++) {
				held.add(dataSource.getConnection());
			}
			Connection connection = held.get(0);
			connection.setAutoCommit(false);
			try (PreparedStatement lock = connection
				.prepareStatement("select id from notification_delivery where id = ? for update nowait")) {
				lock.setLong(1, delivery);
				lock.executeQuery().close();
			}
			connection.rollback();
			connection.setAutoCommit(true);
			return held.size();
		}
		finally {
			for (Connection connection : held) {
				connection.close();
			}
		}
	}

	/** Active, idle and total connections, and threads waiting for one. */
	private static int[] sample(HikariPoolMXBean pool) {
		return new int[] { pool.getActiveConnections(), pool.getIdleConnections(), pool.getTotalConnections(),
				pool.getThreadsAwaitingConnection() };
	}

	private static long millis(long nanos) {
		return TimeUnit.NANOSECONDS.toMillis(nanos);
	}

	private static void await(Duration timeout, Callable<Boolean> condition) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.call()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Still waiting after " + timeout);
			}
			Thread.sleep(20);
		}
	}

	@Test
	void settingsAreValidatedAndSecretsNeverShown() {
		assertThat(mvc.put()
			.uri("/api/admin/notifications/settings")
			.header(HttpHeaders.AUTHORIZATION, leads.admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"salesInbox\":\"nope\",\"maxAttempts\":0,\"webhooks\":[{\"url\":\"ftp://x\"}]}")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("salesInbox", "maxAttempts", "webhooks[0].url");
		String settingsJson = leads
			.body(mvc.get()
				.uri("/api/admin/notifications/settings")
				.header(HttpHeaders.AUTHORIZATION, leads.admin())
				.exchange())
			.toString();
		assertThat(settingsJson).doesNotContain(SECRET).contains("dashboardBaseUrl").contains("hasSecret");
		assertThat(mvc.get().uri("/api/admin/notifications/settings").header(HttpHeaders.AUTHORIZATION, leads.sales()))
			.hasStatus(403);
	}

	@Test
	void contactDetailsNeverReachAMailHeaderEvenIfStoredWithLineBreaks() throws Exception {
		startSmtp();
		UUID submission = UUID.randomUUID();
		assertThat(mvc.post()
			.uri("/api/submissions")
			.header(HttpHeaders.AUTHORIZATION, leads.gateway())
			.contentType(MediaType.APPLICATION_JSON)
			.content(SubmissionBodies.valid(submission)
				.replace("Dana Prospect", "Eve Bcc: all@x.example =?utf-8?q?Subject:_x?=")
				.replace("Prospect Works", "Acme\u2028Subject: hijacked\u2029")))
			.hasStatus(201);
		UUID lead = leads.leadOf(submission);
		// As if a line break had slipped past validation into stored data.
		jdbc.sql("update lead set name = :name, email = :email where id = :id")
			.param("name", "Eve\r\nBcc: all@x.example\r\nX-Injected: 1")
			.param("email", "eve@x.example\r\nCc: all@x.example")
			.param("id", lead)
			.update();

		dispatcher(10).dispatch();

		List<MimeMessage> mails = new ArrayList<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			if (message.getContent().toString().contains("http://dashboard.test/leads/" + lead)) {
				mails.add(message);
			}
		}
		assertThat(mails).hasSize(1);
		MimeMessage mail = mails.get(0);
		assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("sales@northbeam.test");
		assertThat(mail.getSubject()).doesNotContain("Eve", "Bcc", "Subject", "hijacked").doesNotContain("\n");
		assertThat(java.util.Collections.list(mail.getAllHeaderLines()))
			.noneMatch((line) -> line.startsWith("Bcc") || line.startsWith("Cc") || line.startsWith("X-Injected"));
		assertThat(smtp.getReceivedMessages())
			.allSatisfy((message) -> assertThat(message.getAllRecipients()).extracting(Object::toString)
				.doesNotContain("all@x.example"));
	}

}
