package com.northbeam.gateway.dashboard.admin;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.northbeam.gateway.client.AssessmentAdminClient.ResponseTarget;
import com.northbeam.gateway.client.AssessmentAdminClient.ResponseTargetInput;

import org.springframework.util.MultiValueMap;

/**
 * The response target as its form shows and posts it: working minutes, a time zone, the
 * working days and the hours of a working day ({@code HH:mm}; an end of {@code 00:00} is
 * the midnight ending the day). Parsing checks each field and collects message keys per
 * field; nothing is sent while any is wrong.
 *
 * @param basedOnVersion the version the form was drawn from
 */
public record ResponseTargetForm(int basedOnVersion, String minutes, String timeZone, List<String> days, String start,
		String end) implements VersionedSettingPage.Form<ResponseTargetForm> {

	/** Every day, in the order the form lists them, as the service names them. */
	public static final List<String> WEEK = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY",
			"SUNDAY");

	static final int MAX_MINUTES = 7 * 24 * 60;

	static final Set<String> FIELDS = Set.of("minutes", "timeZone", "days", "start", "end");

	/** The time zones offered: every region the JDK knows, and UTC. */
	public static final List<String> ZONES = Stream
		.concat(Stream.of("UTC"),
				ZoneId.getAvailableZoneIds()
					.stream()
					.filter((zone) -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/"))
					.sorted())
		.toList();

	public ResponseTargetForm {
		days = (days != null) ? List.copyOf(days) : List.of();
	}

	static ResponseTargetForm of(ResponseTarget stored) {
		return new ResponseTargetForm(stored.version(), Integer.toString(stored.minutes()), stored.timeZone(),
				stored.days(), stored.start(), stored.end());
	}

	static ResponseTargetForm from(MultiValueMap<String, String> params) {
		int basedOn;
		try {
			basedOn = Integer.parseInt(first(params, "basedOnVersion"));
		}
		catch (NumberFormatException ex) {
			basedOn = 0;
		}
		List<String> days = (params.get("days") != null) ? params.get("days") : List.of();
		return new ResponseTargetForm(basedOn, first(params, "minutes"), first(params, "timeZone"),
				days.stream().filter(WEEK::contains).distinct().toList(), first(params, "start"), first(params, "end"));
	}

	private static String first(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		return (value != null) ? value.strip() : "";
	}

	/** The same form, to be saved over {@code version}. */
	@Override
	public ResponseTargetForm basedOn(int version) {
		return new ResponseTargetForm(version, this.minutes, this.timeZone, this.days, this.start, this.end);
	}

	public boolean works(String day) {
		return this.days.contains(day);
	}

	@Override
	public boolean has(String field) {
		return FIELDS.contains(field);
	}

	/**
	 * Message keys of the wrong fields, by field name; empty when the form can be sent.
	 */
	@Override
	public Map<String, String> errorKeys() {
		Map<String, String> errors = new LinkedHashMap<>();
		try {
			int value = Integer.parseInt(this.minutes);
			if (value < 1 || value > MAX_MINUTES) {
				errors.put("minutes", "admin.target.error.minutes");
			}
		}
		catch (NumberFormatException ex) {
			errors.put("minutes", "admin.target.error.minutes");
		}
		try {
			ZoneId.of(this.timeZone);
		}
		catch (DateTimeException ex) {
			errors.put("timeZone", "admin.target.error.timeZone");
		}
		if (this.days.isEmpty()) {
			errors.put("days", "admin.target.error.days");
		}
		LocalTime opens = time(this.start);
		LocalTime closes = "24:00".equals(this.end) ? LocalTime.MIDNIGHT : time(this.end);
		if (opens == null) {
			errors.put("start", "admin.target.error.time");
		}
		if (closes == null) {
			errors.put("end", "admin.target.error.time");
		}
		else if (opens != null && !LocalTime.MIDNIGHT.equals(closes) && !opens.isBefore(closes)) {
			errors.put("end", "admin.target.error.end");
		}
		return errors;
	}

	private static LocalTime time(String value) {
		try {
			return (value.length() == 5) ? LocalTime.parse(value) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	ResponseTargetInput toInput() {
		return new ResponseTargetInput(Integer.valueOf(this.minutes), this.timeZone, this.days, this.start, this.end);
	}

}
