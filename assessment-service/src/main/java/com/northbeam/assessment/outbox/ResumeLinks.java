package com.northbeam.assessment.outbox;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import com.northbeam.assessment.system.FieldError;
import com.northbeam.assessment.system.InvalidInputException;
import tools.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The email with a link to finish an assessment later, which a prospect asks for on any
 * wizard step. The gateway signs the link; this service only sends it, through the outbox
 * so that a mail server that is down delays it rather than losing it. The event names no
 * lead, and its payload (address, link, expiry) is cleared once the email is sent or
 * given up ({@link DeliveryRecorder}); it is never sent to the sales inbox or webhooks,
 * nor redelivered.
 */
@Component
class ResumeLinks {

	static final String KIND = "resume_link";

	/** The path every link the gateway signs starts with. */
	static final String PATH = "/assessment/resume/";

	/** Links last days, not months: anything longer is a mistake. */
	static final Duration LONGEST = Duration.ofDays(31);

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'",
			Locale.ENGLISH);

	private final OutboxRepository outbox;

	private final ObjectMapper json;

	private final Clock clock;

	ResumeLinks(OutboxRepository outbox, ObjectMapper json, Clock clock) {
		this.outbox = outbox;
		this.json = json;
		this.clock = clock;
	}

	/** What the gateway asks to send; kept as the event's payload until it is sent. */
	record Email(String email, String link, Instant expiresAt) {

		String subject() {
			return "Your link to finish the IT support assessment";
		}

		String text() {
			return String.join("\n", "Hello,", "",
					"You asked for a link to finish your IT support self-assessment later. Open it on any device"
							+ " and you will find the answers you have given so far, ready to carry on:",
					"", this.link, "",
					"The link works until " + DATE.format(this.expiresAt.atOffset(ZoneOffset.UTC))
							+ ". After that you can always start the assessment afresh.",
					"",
					"We sent this one email because you asked for it. We did not keep your address and will not"
							+ " write to you again unless you finish the assessment and agree to be contacted.",
					"", "If you did not ask for this link, you can ignore this email.", "");
		}

	}

	/** Checks the request and writes its event; returns the event's id. */
	@Transactional
	UUID request(Email email) {
		check(email);
		UUID id = UUID.randomUUID();
		this.outbox.addWithoutLead(id, KIND, this.json.writeValueAsString(email),
				this.clock.instant().truncatedTo(ChronoUnit.MICROS));
		return id;
	}

	/**
	 * Where the delivery of event {@code id} goes, as the delivery log shows it: a name
	 * of its own (so that one slow recipient never holds up another) and no address.
	 */
	static String target(UUID id) {
		return "prospect " + id;
	}

	Email read(String payload) {
		return this.json.readValue(payload, Email.class);
	}

	private void check(Email email) {
		List<FieldError> errors = new ArrayList<>();
		String address = email.email();
		if (address == null || address.isBlank()) {
			errors.add(new FieldError("email", "is required"));
		}
		else if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
			errors.add(new FieldError("email", "must be a well-formed email address"));
		}
		if (email.link() == null || email.link().isBlank()) {
			errors.add(new FieldError("link", "is required"));
		}
		else if (!isSiteLink(email.link())) {
			errors.add(new FieldError("link",
					"must be an absolute http(s) URL of at most 2000 characters whose path starts with " + PATH));
		}
		Instant now = this.clock.instant();
		if (email.expiresAt() == null) {
			errors.add(new FieldError("expiresAt", "is required"));
		}
		else if (!email.expiresAt().isAfter(now) || email.expiresAt().isAfter(now.plus(LONGEST))) {
			errors.add(new FieldError("expiresAt", "must be in the future and at most 31 days away"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	private static boolean isSiteLink(String link) {
		if (link.length() > 2000) {
			return false;
		}
		try {
			URI uri = new URI(link);
			return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
					&& uri.getRawPath() != null && uri.getRawPath().startsWith(PATH) && uri.getRawQuery() == null
					&& uri.getRawFragment() == null && uri.getRawUserInfo() == null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}
