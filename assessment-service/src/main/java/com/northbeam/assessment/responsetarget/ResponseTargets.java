package com.northbeam.assessment.responsetarget;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.northbeam.assessment.audit.Audit;
import com.northbeam.assessment.system.ConflictException;
import com.northbeam.assessment.system.FieldError;
import com.northbeam.assessment.system.InvalidInputException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The response target's face to the rest of the service: the one in force, its history,
 * and a new version saved by an admin (validated, based on the version the admin saw,
 * audited). Read from the database on each use, so every replica applies a change at
 * once.
 */
@Component
public class ResponseTargets {

	private final ResponseTargetRepository repository;

	private final Audit audit;

	private final Clock clock;

	ResponseTargets(ResponseTargetRepository repository, Audit audit, Clock clock) {
		this.repository = repository;
		this.audit = audit;
		this.clock = clock;
	}

	/** The target in force. */
	public ResponseTarget current() {
		return this.repository.newest().orElseThrow(() -> new IllegalStateException("No response target is stored"));
	}

	/** Every version, newest first, at most {@code limit}. */
	public List<ResponseTarget> history(int limit) {
		return this.repository.history(limit);
	}

	/**
	 * What an admin sends: working minutes, an IANA time zone, working days
	 * ({@code MONDAY}...), and the start and end of a working day as {@code HH:mm} (an
	 * end of {@code 00:00} or {@code 24:00} is the midnight ending the day).
	 */
	public record Input(Integer minutes, String timeZone, List<String> days, String start, String end) {
	}

	/**
	 * Saves a new version, based on {@code basedOnVersion} when given: if someone saved a
	 * newer one meanwhile, the change is refused with a conflict. Nothing is stored while
	 * a field is wrong.
	 */
	@Transactional
	public ResponseTarget update(Input input, Integer basedOnVersion, String actor) {
		List<FieldError> errors = new ArrayList<>();
		Integer minutes = input.minutes();
		if (minutes == null || minutes < 1 || minutes > ResponseTarget.MAX_MINUTES) {
			errors.add(new FieldError("minutes",
					"must be a whole number of minutes from 1 to " + ResponseTarget.MAX_MINUTES));
		}
		ZoneId zone = zone(input.timeZone(), errors);
		Set<DayOfWeek> days = days(input.days(), errors);
		LocalTime start = time("start", input.start(), false, errors);
		LocalTime end = time("end", input.end(), true, errors);
		if (start != null && end != null && !LocalTime.MIDNIGHT.equals(end) && !start.isBefore(end)) {
			errors.add(new FieldError("end", "must be after the start (00:00 for the midnight ending the day)"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		int newest = current().version();
		if (basedOnVersion != null && basedOnVersion != newest) {
			throw conflict(newest);
		}
		ResponseTarget saved = new ResponseTarget(newest + 1, minutes, new BusinessHours(zone, days, start, end),
				this.clock.instant().truncatedTo(ChronoUnit.MICROS), actor);
		try {
			this.repository.insert(saved);
		}
		catch (DuplicateKeyException ex) {
			throw conflict(newest + 1);
		}
		this.audit.record(actor, Audit.RESPONSE_TARGET_CHANGED, null, "version " + saved.version(), saved.createdAt());
		return saved;
	}

	private static ConflictException conflict(int newest) {
		return new ConflictException("The response target was changed meanwhile; the newest version is " + newest,
				List.of(new FieldError("basedOnVersion", "is not the newest version (" + newest + ")")));
	}

	private static ZoneId zone(String value, List<FieldError> errors) {
		if (value == null || value.isBlank() || value.length() > 64) {
			errors.add(new FieldError("timeZone", "must be a time zone such as Europe/London"));
			return null;
		}
		try {
			return ZoneId.of(value.strip());
		}
		catch (DateTimeException ex) {
			errors.add(new FieldError("timeZone", "must be a time zone such as Europe/London"));
			return null;
		}
	}

	private static Set<DayOfWeek> days(List<String> values, List<FieldError> errors) {
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		for (String value : (values != null) ? values : List.<String>of()) {
			try {
				days.add(DayOfWeek.valueOf(String.valueOf(value).strip().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				errors.add(new FieldError("days", "must list days of the week (MONDAY to SUNDAY)"));
				return null;
			}
		}
		if (days.isEmpty()) {
			errors.add(new FieldError("days", "must list at least one working day"));
			return null;
		}
		return days;
	}

	private static LocalTime time(String field, String value, boolean end, List<FieldError> errors) {
		String text = (value != null) ? value.strip() : "";
		if (end && "24:00".equals(text)) {
			return LocalTime.MIDNIGHT;
		}
		try {
			if (text.length() != 5) {
				throw new DateTimeParseException("not HH:mm", text, 0);
			}
			return LocalTime.parse(text);
		}
		catch (DateTimeParseException ex) {
			errors.add(new FieldError(field, "must be a time of day as HH:mm"));
			return null;
		}
	}

}
