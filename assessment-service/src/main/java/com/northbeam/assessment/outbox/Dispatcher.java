package com.northbeam.assessment.outbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.northbeam.assessment.outbox.NotificationSettings.Settings;
import com.northbeam.assessment.outbox.NotificationSettings.Webhook;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers outbox events: an email to the sales inbox and a signed JSON webhook to each
 * configured URL, once per event and target.
 * <p>
 * First each new outbox event is expanded into one delivery per target. Then due
 * deliveries are claimed with {@code SELECT ... FOR UPDATE SKIP LOCKED} and sent while
 * the claim is held, so any number of dispatchers (threads or replicas) never send the
 * same delivery at the same time; a delivery is marked delivered in the same transaction
 * that claimed it. A failed attempt is retried after an exponentially growing wait and,
 * after the configured number of attempts, is dead-lettered until an admin retries it.
 * (If a replica dies between sending and committing, the delivery is sent again later:
 * receivers drop repeats by the event id.)
 */
@Component
class Dispatcher {

	static final String SIGNATURE_HEADER = "X-Northbeam-Signature";

	static final String EVENT_ID_HEADER = "X-Northbeam-Event-Id";

	private static final Logger logger = LoggerFactory.getLogger(Dispatcher.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final NotificationSettings settings;

	private final JavaMailSender mail;

	private final HttpClient http;

	private final ObjectMapper json;

	private final NotificationProperties properties;

	private final Clock clock;

	@Autowired
	Dispatcher(JdbcClient jdbc, TransactionTemplate transactions, NotificationSettings settings,
			ObjectProvider<JavaMailSender> mail, ObjectMapper json, NotificationProperties properties, Clock clock) {
		this(jdbc, transactions, settings, mail.getIfAvailable(), json, properties, clock);
	}

	Dispatcher(JdbcClient jdbc, TransactionTemplate transactions, NotificationSettings settings, JavaMailSender mail,
			ObjectMapper json, NotificationProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.settings = settings;
		this.mail = mail;
		this.http = HttpClient.newBuilder().connectTimeout(properties.webhookTimeout()).build();
		this.json = json;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${assessment.notifications.interval:2s}", initialDelayString = "5s")
	void scheduled() {
		dispatch();
	}

	/**
	 * Expands new events and sends every due delivery; returns how many attempts were
	 * made.
	 */
	int dispatch() {
		while (expand() > 0) {
			// until no unexpanded event is left
		}
		int attempts = 0;
		int claimed;
		do {
			claimed = deliverBatch();
			attempts += claimed;
		}
		while (claimed == this.properties.batch());
		return attempts;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/**
	 * Turns up to a batch of new outbox events into deliveries, one per target; returns
	 * how many events.
	 */
	int expand() {
		Integer expanded = this.transactions.execute((tx) -> {
			List<UUID> events = this.jdbc
				.sql("select id from outbox_event where expanded_at is null order by created_at limit :limit "
						+ "for update skip locked")
				.param("limit", this.properties.batch())
				.query(UUID.class)
				.list();
			if (events.isEmpty()) {
				return 0;
			}
			Settings current = this.settings.current();
			Instant now = now();
			for (UUID event : events) {
				if (current.salesInbox() != null) {
					addDelivery(event, "email", current.salesInbox(), now);
				}
				for (Webhook webhook : current.webhooks()) {
					addDelivery(event, "webhook", webhook.url(), now);
				}
				this.jdbc.sql("update outbox_event set expanded_at = :at where id = :id")
					.param("at", timestamp(now))
					.param("id", event)
					.update();
			}
			return events.size();
		});
		return (expanded != null) ? expanded : 0;
	}

	private void addDelivery(UUID event, String channel, String target, Instant now) {
		this.jdbc.sql(
				"insert into notification_delivery (event_id, channel, target, state, attempts, next_attempt_at, created_at) "
						+ "values (:event, :channel, :target, 'pending', 0, :at, :at)")
			.param("event", event)
			.param("channel", channel)
			.param("target", target)
			.param("at", timestamp(now))
			.update();
	}

	record Claimed(long id, UUID eventId, String channel, String target, int attempts) {
	}

	/**
	 * Claims a batch of due deliveries and attempts each; returns how many were claimed.
	 */
	int deliverBatch() {
		Integer claimed = this.transactions.execute((tx) -> {
			Instant now = now();
			List<Claimed> due = this.jdbc
				.sql("select id, event_id, channel, target, attempts from notification_delivery "
						+ "where state = 'pending' and next_attempt_at <= :now order by next_attempt_at, id "
						+ "limit :limit for update skip locked")
				.param("now", timestamp(now))
				.param("limit", this.properties.batch())
				.query((rs, n) -> new Claimed(rs.getLong("id"), rs.getObject("event_id", UUID.class),
						rs.getString("channel"), rs.getString("target"), rs.getInt("attempts")))
				.list();
			if (due.isEmpty()) {
				return 0;
			}
			Settings current = this.settings.current();
			for (Claimed delivery : due) {
				attempt(delivery, current);
			}
			return due.size();
		});
		return (claimed != null) ? claimed : 0;
	}

	private void attempt(Claimed delivery, Settings current) {
		int attempts = delivery.attempts() + 1;
		try {
			Map<String, Object> payload = payload(delivery.eventId());
			if ("email".equals(delivery.channel())) {
				sendEmail(delivery, payload);
			}
			else {
				sendWebhook(delivery, payload, current);
			}
			Instant now = now();
			this.jdbc
				.sql("update notification_delivery set state = 'delivered', attempts = :attempts, "
						+ "delivered_at = :at, last_error = null where id = :id")
				.param("attempts", attempts)
				.param("at", timestamp(now))
				.param("id", delivery.id())
				.update();
		}
		catch (Exception ex) {
			boolean dead = attempts >= current.maxAttempts();
			Instant next = now().plus(backoff(attempts));
			this.jdbc
				.sql("update notification_delivery set state = :state, attempts = :attempts, last_error = :error, "
						+ "next_attempt_at = :next where id = :id")
				.param("state", dead ? "dead" : "pending")
				.param("attempts", attempts)
				.param("error", describe(ex))
				.param("next", timestamp(next))
				.param("id", delivery.id())
				.update();
			// Only ids and the kind of failure: targets and messages may hold addresses.
			logger.warn("Notification delivery {} ({}) attempt {} failed with {}{}", delivery.id(), delivery.channel(),
					attempts, ex.getClass().getSimpleName(), dead ? "; dead-lettered" : "");
		}
	}

	Duration backoff(int attempts) {
		Duration wait = this.properties.backoff();
		for (int i = 1; i < attempts && wait.compareTo(this.properties.maxBackoff()) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(this.properties.maxBackoff()) > 0) ? this.properties.maxBackoff() : wait;
	}

	private static String describe(Exception ex) {
		String message = ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
		return (message.length() > 1000) ? message.substring(0, 1000) : message;
	}

	/**
	 * What a notification says, built when it is sent (so an erased lead's data is never
	 * sent).
	 */
	private Map<String, Object> payload(UUID eventId) {
		String[] kind = new String[1];
		Map<String, Object> lead = this.jdbc
			.sql("select e.kind, l.id, l.name, l.email, l.company, l.recommendation, l.priority, l.status, l.source, "
					+ "l.created_at, l.erased_at from outbox_event e join lead l on l.id = e.lead_id where e.id = :id")
			.param("id", eventId)
			.query((rs, n) -> {
				kind[0] = rs.getString("kind");
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("id", rs.getObject("id", UUID.class));
				row.put("name", rs.getString("name"));
				row.put("email", rs.getString("email"));
				row.put("company", rs.getString("company"));
				row.put("recommendation", rs.getString("recommendation"));
				row.put("priority", rs.getInt("priority"));
				row.put("status", rs.getString("status"));
				row.put("source", rs.getString("source"));
				row.put("createdAt", rs.getObject("created_at", OffsetDateTime.class).toInstant());
				row.put("erased", rs.getObject("erased_at") != null);
				row.put("url", this.properties.dashboardBaseUrl() + "/leads/" + rs.getObject("id", UUID.class));
				return row;
			})
			.single();
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("eventId", eventId);
		payload.put("type", kind[0]);
		payload.put("lead", lead);
		return payload;
	}

	private void sendEmail(Claimed delivery, Map<String, Object> payload) throws Exception {
		if (this.mail == null) {
			throw new IllegalStateException("No mail server is configured (spring.mail.host)");
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> lead = (Map<String, Object>) payload.get("lead");
		boolean consultation = "consultation.requested".equals(payload.get("type"));
		MimeMessage message = this.mail.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
		helper.setFrom(this.properties.from());
		helper.setTo(delivery.target());
		helper.setSubject((consultation ? "Consultation requested" : "New lead") + ": " + lead.get("recommendation")
				+ ", priority " + lead.get("priority"));
		helper.setText(
				String.join("\n", (consultation ? "A prospect asked to talk to an expert." : "A new lead arrived."), "",
						"Name: " + lead.get("name"), "Company: " + lead.get("company"), "Email: " + lead.get("email"),
						"Recommendation: " + lead.get("recommendation"), "Priority: " + lead.get("priority"),
						"Source: " + lead.get("source"), "", "Open it in the dashboard: " + lead.get("url"), ""));
		message.setHeader(EVENT_ID_HEADER, delivery.eventId().toString());
		this.mail.send(message);
	}

	private void sendWebhook(Claimed delivery, Map<String, Object> payload, Settings current) throws Exception {
		byte[] body = this.json.writeValueAsBytes(payload);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(delivery.target()))
			.timeout(this.properties.webhookTimeout())
			.header("Content-Type", "application/json")
			.header(EVENT_ID_HEADER, delivery.eventId().toString())
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		current.secretOf(delivery.target()).ifPresent((secret) -> request.header(SIGNATURE_HEADER, sign(secret, body)));
		HttpResponse<Void> response = this.http.send(request.build(), HttpResponse.BodyHandlers.discarding());
		if (response.statusCode() < 200 || response.statusCode() >= 300) {
			throw new IllegalStateException("The webhook answered " + response.statusCode());
		}
	}

	/** {@code sha256=} and the hex HMAC-SHA256 of the body with the webhook's secret. */
	static String sign(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
