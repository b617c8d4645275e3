package com.northbeam.gateway.assessment;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import com.northbeam.gateway.site.Visitors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The cookies of the reading history ({@link ReadingHistory}). {@value #COOKIE} names the
 * visit's reading session by a random id: first-party, HttpOnly, SameSite=Lax, without an
 * expiry, so the browser forgets it when it closes. Browsers that ask not to be tracked
 * ({@code Sec-GPC} or {@code DNT}), crawlers and scripts ({@link Visitors}) get none.
 * {@value #SECTION_COOKIE} is the site script's note of the guide section a link was
 * followed from, read by the next page request and cleared.
 */
final class ReadingCookies {

	static final String COOKIE = "nb_reading";

	/**
	 * The guide section a link led from, set by the site's script for the next page
	 * request: {@code <article slug>.<section anchor>}.
	 */
	static final String SECTION_COOKIE = "nb_section";

	static final Pattern SLUG = Pattern.compile("[a-z0-9-]{1,120}");

	static final Pattern ANCHOR = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,119}");

	private ReadingCookies() {
	}

	/**
	 * Whether this request may be recorded: a person's browser that does not ask not to
	 * be tracked.
	 */
	static boolean mayRecord(HttpServletRequest request) {
		return Visitors.isPerson(request.getHeader(HttpHeaders.USER_AGENT)) && !"1".equals(request.getHeader("Sec-GPC"))
				&& !"1".equals(request.getHeader("DNT"));
	}

	/** The reading session this request belongs to, if any. */
	static Optional<UUID> session(HttpServletRequest request) {
		String value = cookie(request, COOKIE);
		if (value == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(UUID.fromString(value));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The reading session of a request that may be recorded, started (its cookie set on
	 * the response) if it has none; empty for requests that may not be recorded.
	 */
	static Optional<UUID> sessionFor(HttpServletRequest request, HttpServletResponse response) {
		if (!mayRecord(request)) {
			return Optional.empty();
		}
		return session(request).or(() -> {
			UUID id = UUID.randomUUID();
			response.addHeader(HttpHeaders.SET_COOKIE,
					ResponseCookie.from(COOKIE, id.toString())
						.path("/")
						.httpOnly(true)
						.secure(request.isSecure())
						.sameSite("Lax")
						.build()
						.toString());
			return Optional.of(id);
		});
	}

	/**
	 * The guide section the site's script says the link to this page was in, and clears
	 * its cookie; {@code null} when there is none.
	 */
	static SectionLink sectionLink(HttpServletRequest request, HttpServletResponse response) {
		String value = cookie(request, SECTION_COOKIE);
		if (value == null) {
			return null;
		}
		response.addHeader(HttpHeaders.SET_COOKIE,
				ResponseCookie.from(SECTION_COOKIE, "")
					.path("/")
					.maxAge(Duration.ZERO)
					.sameSite("Lax")
					.build()
					.toString());
		int dot = value.indexOf('.');
		if (dot < 0) {
			return null;
		}
		SectionLink link = new SectionLink(value.substring(0, dot), value.substring(dot + 1));
		return (SLUG.matcher(link.slug()).matches() && ANCHOR.matcher(link.anchor()).matches()) ? link : null;
	}

	/** A guide section: the article it is in and its anchor. */
	record SectionLink(String slug, String anchor) {
	}

	private static String cookie(HttpServletRequest request, String name) {
		if (request.getCookies() == null) {
			return null;
		}
		for (Cookie cookie : request.getCookies()) {
			if (name.equals(cookie.getName())) {
				return cookie.getValue();
			}
		}
		return null;
	}

}
