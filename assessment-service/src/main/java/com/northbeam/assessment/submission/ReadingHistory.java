package com.northbeam.assessment.submission;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.northbeam.assessment.submission.SubmissionRequest.PageRead;
import com.northbeam.assessment.system.FieldError;

/**
 * The checks of a prospect's reading history: what the gateway recorded of the articles
 * and guide sections read in the visit. Only the site's own slugs and anchors pass, and
 * titles of a bounded length without control characters.
 */
final class ReadingHistory {

	/** The most pages a submission may bring. */
	static final int MAX_PAGES = 50;

	/** The most pages kept for one submission, before and after the assessment. */
	static final int MAX_KEPT = 100;

	static final int MAX_TITLE = 300;

	private static final Pattern SLUG = Pattern.compile("[a-z0-9-]{1,120}");

	/**
	 * The reading times taken: an {@link Instant} parses years a timestamp column cannot
	 * hold (PostgreSQL's end in 294276), and no visit to the site predates 2000.
	 */
	static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

	static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

	private static final Pattern ANCHOR = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,119}");

	private ReadingHistory() {
	}

	/**
	 * A page that passed the checks.
	 *
	 * @param section the guide section's anchor, or {@code null}
	 * @param sectionTitle its heading, or {@code null}
	 */
	record Page(String slug, String title, String section, String sectionTitle, Instant viewedAt) {
	}

	static List<Page> check(List<PageRead> pages, List<FieldError> errors) {
		if (pages == null) {
			return List.of();
		}
		if (pages.size() > MAX_PAGES) {
			errors.add(new FieldError("readingHistory", "must hold at most " + MAX_PAGES + " pages"));
			return List.of();
		}
		List<Page> checked = new ArrayList<>();
		for (int i = 0; i < pages.size(); i++) {
			Page page = check(pages.get(i), "readingHistory[" + i + "].", errors);
			if (page != null) {
				checked.add(page);
			}
		}
		return checked;
	}

	/** One page; {@code prefix} names it in errors ({@code readingHistory[2].}). */
	static Page check(PageRead page, String prefix, List<FieldError> errors) {
		if (page == null) {
			errors.add(new FieldError(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1),
					"must be a page read: slug, title, viewedAt"));
			return null;
		}
		int before = errors.size();
		if (page.slug() == null || !SLUG.matcher(page.slug()).matches()) {
			errors.add(new FieldError(prefix + "slug", "must be an article slug: 1 to 120 of a-z, 0-9 and -"));
		}
		String title = text(prefix + "title", page.title(), true, errors);
		String section = blank(page.section()) ? null : page.section();
		if (section != null && !ANCHOR.matcher(section).matches()) {
			errors.add(new FieldError(prefix + "section",
					"must be a section anchor: up to 120 letters, digits, - and _, starting with a letter or digit"));
		}
		String sectionTitle = text(prefix + "sectionTitle", page.sectionTitle(), false, errors);
		if (sectionTitle != null && section == null) {
			errors.add(new FieldError(prefix + "sectionTitle", "must come with its section"));
		}
		Instant viewedAt = null;
		if (blank(page.viewedAt())) {
			errors.add(new FieldError(prefix + "viewedAt", "is required"));
		}
		else {
			viewedAt = instant(page.viewedAt().strip());
			if (viewedAt == null) {
				errors.add(new FieldError(prefix + "viewedAt",
						"must be an ISO-8601 instant from the year 2000 to 9999 such as 2026-05-04T09:30:00Z"));
			}
		}
		return (errors.size() == before) ? new Page(page.slug(), title, section, sectionTitle, viewedAt) : null;
	}

	/**
	 * The instant {@code text} names, or {@code null} if none from {@link #EARLIEST} to
	 * {@link #LATEST}.
	 */
	private static Instant instant(String text) {
		try {
			Instant instant = Instant.parse(text);
			return (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) ? null : instant;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static String text(String field, String value, boolean required, List<FieldError> errors) {
		if (blank(value)) {
			if (required) {
				errors.add(new FieldError(field, "is required"));
			}
			return null;
		}
		String trimmed = value.strip();
		if (trimmed.length() > MAX_TITLE) {
			errors.add(new FieldError(field, "must be at most " + MAX_TITLE + " characters"));
			return null;
		}
		if (trimmed.chars().anyMatch(Character::isISOControl)) {
			errors.add(new FieldError(field, "must not contain control characters"));
			return null;
		}
		return trimmed;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
