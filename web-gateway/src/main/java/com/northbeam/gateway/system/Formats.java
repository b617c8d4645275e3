package com.northbeam.gateway.system;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.springframework.stereotype.Component;

/** Date and number formats for templates ({@code ${@formats.date(instant)}}). */
@Component("formats")
public class Formats {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

	public String date(Instant instant) {
		return (instant != null) ? DATE.format(instant) : "";
	}

	public String isoDate(Instant instant) {
		return (instant != null) ? ISO_DATE.format(instant) : "";
	}

	public String iso(Instant instant) {
		return (instant != null) ? DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS)) : "";
	}

	public String money(Number amount) {
		if (amount == null) {
			return "";
		}
		return String.format(Locale.ENGLISH, "$%,.0f", amount.doubleValue());
	}

	public long percent(Number fraction) {
		if (fraction == null) {
			return 0;
		}
		double value = fraction.doubleValue();
		return Math.round((value <= 1.0) ? value * 100 : value);
	}

}
