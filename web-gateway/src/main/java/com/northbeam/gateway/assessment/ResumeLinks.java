package com.northbeam.gateway.assessment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import com.northbeam.gateway.client.ResumeLinkClient;
import com.northbeam.gateway.client.ResumeLinkClient.ResumeLink;
import com.northbeam.gateway.client.ServiceRefusedException;
import com.northbeam.gateway.client.ServiceUnavailableException;
import com.northbeam.gateway.client.SubmissionRejectedException;
import com.northbeam.gateway.system.PublicSite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * "Email me a link to finish later": on any wizard step a visitor gives an address and
 * agrees to that one email; assessment-service sends it (through its outbox) with a
 * signed link ({@link ResumeTokens}) that restores the answers on any device until it
 * expires, as often as it is opened. The address is passed on, never stored here; the
 * draft is kept until the link expires.
 */
@Component
class ResumeLinks {

	/** The wizard's button that asks for the link. */
	static final String ACTION = "resume";

	static final String EMAIL = "resumeEmail";

	static final String CONSENT = "resumeConsent";

	private static final Logger log = LoggerFactory.getLogger(ResumeLinks.class);

	private static final Pattern ADDRESS = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");

	private final ResumeTokens tokens;

	private final DraftRepository drafts;

	private final ResumeLinkClient assessment;

	private final ResumeProperties properties;

	private final PublicSite site;

	private final MessageSource messages;

	private final Clock clock;

	ResumeLinks(ResumeTokens tokens, DraftRepository drafts, ResumeLinkClient assessment, ResumeProperties properties,
			PublicSite site, MessageSource messages, Clock clock) {
		this.tokens = tokens;
		this.drafts = drafts;
		this.assessment = assessment;
		this.properties = properties;
		this.site = site;
		this.messages = messages;
		this.clock = clock;
	}

	/** What asking for a link came to. */
	sealed interface Sent {

		record Yes() implements Sent {
		}

		/** Not sent: the errors by field ({@code ""} for the form as a whole). */
		record No(HttpStatus status, Map<String, String> errors) implements Sent {
		}

	}

	/**
	 * Emails the link to finish {@code draft} later, unless the form or a limit says no.
	 */
	Sent send(Draft draft, MultiValueMap<String, String> form, boolean overRateLimit) {
		String email = Optional.ofNullable(form.getFirst(EMAIL)).map(String::strip).orElse("");
		Map<String, String> errors = new LinkedHashMap<>();
		if (email.isEmpty()) {
			errors.put(EMAIL, text("assessment.resume.email.required"));
		}
		else if (email.length() > 254 || !ADDRESS.matcher(email).matches()) {
			errors.put(EMAIL, text("assessment.resume.email.invalid"));
		}
		if (!"true".equals(form.getFirst(CONSENT))) {
			errors.put(CONSENT, text("assessment.resume.consent.required"));
		}
		if (!errors.isEmpty()) {
			return new Sent.No(HttpStatus.UNPROCESSABLE_CONTENT, errors);
		}
		if (overRateLimit) {
			return new Sent.No(HttpStatus.TOO_MANY_REQUESTS, Map.of("", text("assessment.resume.busy")));
		}
		Instant expiresAt = clock.instant().plus(properties.lifetime()).truncatedTo(ChronoUnit.SECONDS);
		if (!drafts.keepForLink(draft.id(), expiresAt, properties.emailsPerDraft())) {
			return new Sent.No(HttpStatus.TOO_MANY_REQUESTS,
					Map.of("", text("assessment.resume.enough", properties.emailsPerDraft())));
		}
		String link = site.url("/assessment/resume/" + tokens.sign(draft.id(), expiresAt));
		try {
			assessment.send(new ResumeLink(email, link, expiresAt));
			return new Sent.Yes();
		}
		catch (SubmissionRejectedException ex) {
			return new Sent.No(HttpStatus.UNPROCESSABLE_CONTENT,
					Map.of(EMAIL, text("assessment.resume.email.invalid")));
		}
		catch (ServiceUnavailableException | ServiceRefusedException ex) {
			log.warn("Could not pass on a link to finish draft {} later: {}", draft.id(), ex.toString());
			return new Sent.No(HttpStatus.SERVICE_UNAVAILABLE, Map.of("", text("assessment.resume.unavailable")));
		}
	}

	/** What opening a link came to. */
	sealed interface Opened {

		/** A copy of the link's draft, for this browser. */
		record Restored(Draft draft) implements Opened {
		}

		/** The link's own draft: this browser already holds it. */
		record Here() implements Opened {
		}

		record Expired() implements Opened {
		}

		/** Signed by us and unexpired, but its assessment was finished or is gone. */
		record Gone() implements Opened {
		}

		record Invalid() implements Opened {
		}

	}

	/**
	 * Opens a link in a browser whose own draft is {@code current} (if any): a copy of
	 * the link's draft for this browser, so the original stays for the link's other uses.
	 */
	Opened open(String token, UUID current) {
		ResumeTokens.Reading reading = tokens.read(token, clock.instant());
		if (reading instanceof ResumeTokens.Reading.Expired) {
			return new Opened.Expired();
		}
		if (!(reading instanceof ResumeTokens.Reading.Valid valid)) {
			return new Opened.Invalid();
		}
		Optional<Draft> draft = drafts.find(valid.draftId()).filter((found) -> !found.submitted());
		if (draft.isEmpty()) {
			return new Opened.Gone();
		}
		if (draft.get().id().equals(current)) {
			return new Opened.Here();
		}
		Draft original = draft.get();
		Draft copy = new Draft(UUID.randomUUID(), UUID.randomUUID(), original.step(), original.data(),
				original.attribution(), original.startedAt(), null);
		drafts.insert(copy, clock.instant());
		return new Opened.Restored(copy);
	}

	/** How long a link works, in days, for the pages that say so. */
	long lifetimeDays() {
		return properties.lifetime().toDays();
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, LocaleContextHolder.getLocale());
	}

}
