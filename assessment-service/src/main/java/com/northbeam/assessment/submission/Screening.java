package com.northbeam.assessment.submission;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

import com.northbeam.assessment.submission.SubmissionRequest.Contact;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Adds what this service can see to the gateway's screening of a submission: a throwaway
 * email domain (a list kept as data), and the same answers and contact details sent again
 * within {@code assessment.screening.repeat-window}.
 */
@Component
class Screening {

	private final Set<String> disposableDomains;

	private final ScreeningProperties properties;

	Screening(ScreeningProperties properties) {
		this.properties = properties;
		this.disposableDomains = load(properties);
	}

	/**
	 * Every reason the submission looks automated: the gateway's and this service's.
	 * Whether the same answers and contact details came in before ({@code repeated}) is
	 * asked by the statement that stores the submission, since {@link #repeatSince}.
	 */
	Set<Suspicion> reasons(CheckedSubmission submission, boolean repeated) {
		Set<Suspicion> reasons = EnumSet.noneOf(Suspicion.class);
		reasons.addAll(submission.screening());
		if (!submission.hasContact()) {
			return reasons;
		}
		if (disposable(submission.contact().email())) {
			reasons.add(Suspicion.DISPOSABLE_EMAIL);
		}
		if (repeated) {
			reasons.add(Suspicion.REPEATED);
		}
		return reasons;
	}

	/** Since when the same answers and contact details again make a repeat. */
	Instant repeatSince(Instant now) {
		return now.minus(this.properties.repeatWindow());
	}

	boolean disposable(String email) {
		int at = email.lastIndexOf('@');
		String domain = email.substring(at + 1).toLowerCase(Locale.ROOT);
		while (true) {
			if (this.disposableDomains.contains(domain)) {
				return true;
			}
			int dot = domain.indexOf('.');
			if (dot < 0) {
				return false;
			}
			domain = domain.substring(dot + 1);
		}
	}

	/**
	 * A digest of the answers and every contact field, so the same submission sent again
	 * is noticed without keeping another readable copy of the contact details;
	 * {@code null} without contact details.
	 */
	static String fingerprint(CheckedSubmission submission, String answersJson) {
		if (!submission.hasContact()) {
			return null;
		}
		Contact contact = submission.contact();
		String text = String.join("\n", Integer.toString(submission.questionnaire().version()), answersJson,
				normal(contact.email()), normal(contact.name()), normal(contact.company()), normal(contact.phone()),
				normal(contact.role()));
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	private static String normal(String value) {
		return (value != null) ? value.strip().toLowerCase(Locale.ROOT) : "";
	}

	private static Set<String> load(ScreeningProperties properties) {
		Set<String> domains = new HashSet<>();
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		try {
			for (String location : properties.disposableDomains()) {
				for (Resource resource : resolver.getResources(location)) {
					try (InputStream in = resource.getInputStream()) {
						new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
							.map(String::strip)
							.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
							.map((line) -> line.toLowerCase(Locale.ROOT))
							.forEach(domains::add);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the disposable email domains", ex);
		}
		if (domains.isEmpty()) {
			throw new IllegalStateException("No disposable email domains found at " + properties.disposableDomains());
		}
		return Set.copyOf(domains);
	}

}
