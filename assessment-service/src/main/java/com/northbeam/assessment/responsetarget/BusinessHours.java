package com.northbeam.assessment.responsetarget;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.EnumSet;
import java.util.Set;

/**
 * When the business works: the same hours on each working day, in its time zone. Working
 * time between two instants counts only what falls inside those hours, as it passes on
 * the clock: a working day whose hours hold a daylight-saving change is an hour shorter
 * or longer.
 * <p>
 * A working day that starts or ends at a local time the clocks skip that day starts or
 * ends that much later, as {@code java.time} moves such times (02:30 in a gap from 02:00
 * to 03:00 becomes 03:30); at a local time that happens twice, at its first occurrence.
 *
 * @param zone the business's time zone
 * @param days the working days
 * @param start when a working day starts
 * @param end when it ends; {@link LocalTime#MIDNIGHT} means the midnight at its end
 */
public record BusinessHours(ZoneId zone, Set<DayOfWeek> days, LocalTime start, LocalTime end) {

	private static final int WEEK = 7;

	public BusinessHours {
		if (days.isEmpty()) {
			throw new IllegalArgumentException("At least one working day is needed");
		}
		if (!endsAtMidnight(end) && !start.isBefore(end)) {
			throw new IllegalArgumentException("A working day must end after it starts");
		}
		days = Set.copyOf(EnumSet.copyOf(days));
	}

	private static boolean endsAtMidnight(LocalTime end) {
		return LocalTime.MIDNIGHT.equals(end);
	}

	/** The length of a working day as the clock on the wall shows it. */
	public Duration dayLength() {
		return endsAtMidnight(this.end) ? Duration.ofDays(1).minusNanos(this.start.toNanoOfDay())
				: Duration.between(this.start, this.end);
	}

	/** Working time in a week without a daylight-saving change. */
	Duration weekLength() {
		return dayLength().multipliedBy(this.days.size());
	}

	/**
	 * The working time between two instants; zero when {@code to} is not after
	 * {@code from}.
	 */
	public Duration between(Instant from, Instant to) {
		if (!to.isAfter(from)) {
			return Duration.ZERO;
		}
		LocalDate first = LocalDate.ofInstant(from, this.zone);
		LocalDate last = LocalDate.ofInstant(to, this.zone);
		Duration total = Duration.ZERO;
		LocalDate day = first;
		while (!day.isAfter(last)) {
			// Whole weeks strictly between the first and the last day count in one step.
			if (day.isAfter(first) && !day.plusDays(WEEK).isAfter(last) && steady(day, day.plusDays(WEEK))) {
				total = total.plus(weekLength());
				day = day.plusDays(WEEK);
				continue;
			}
			total = total.plus(overlap(day, from, to));
			day = day.plusDays(1);
		}
		return total;
	}

	/**
	 * The latest instant from which {@code amount} of working time has passed by
	 * {@code to}: whatever arrived then or earlier has waited at least {@code amount} at
	 * {@code to}, whatever arrived later less.
	 */
	public Instant before(Instant to, Duration amount) {
		if (amount.isNegative() || amount.isZero()) {
			return to;
		}
		Duration remaining = amount;
		LocalDate last = LocalDate.ofInstant(to, this.zone);
		LocalDate day = last;
		while (true) {
			// Whole weeks ending before the last day count in one step while more than a
			// week's working time remains.
			LocalDate weekStart = day.minusDays(WEEK - 1);
			if (day.isBefore(last) && remaining.compareTo(weekLength()) > 0 && steady(weekStart, day.plusDays(1))) {
				remaining = remaining.minus(weekLength());
				day = day.minusDays(WEEK);
				continue;
			}
			if (this.days.contains(day.getDayOfWeek())) {
				Instant opens = opens(day);
				Instant closes = min(closes(day), to);
				if (closes.isAfter(opens)) {
					Duration available = Duration.between(opens, closes);
					if (available.compareTo(remaining) >= 0) {
						return closes.minus(remaining);
					}
					remaining = remaining.minus(available);
				}
			}
			day = day.minusDays(1);
		}
	}

	/** Working time of one day that falls between {@code from} and {@code to}. */
	private Duration overlap(LocalDate day, Instant from, Instant to) {
		if (!this.days.contains(day.getDayOfWeek())) {
			return Duration.ZERO;
		}
		Instant opens = max(opens(day), from);
		Instant closes = min(closes(day), to);
		return closes.isAfter(opens) ? Duration.between(opens, closes) : Duration.ZERO;
	}

	private Instant opens(LocalDate day) {
		return day.atTime(this.start).atZone(this.zone).toInstant();
	}

	private Instant closes(LocalDate day) {
		return endsAtMidnight(this.end) ? day.plusDays(1).atStartOfDay(this.zone).toInstant()
				: day.atTime(this.end).atZone(this.zone).toInstant();
	}

	/** Whether the zone's offset stays the same from the start of one day to another. */
	private boolean steady(LocalDate from, LocalDate until) {
		Instant start = from.atStartOfDay(this.zone).toInstant();
		ZoneOffsetTransition next = this.zone.getRules().nextTransition(start.minusNanos(1));
		return next == null || !next.getInstant().isBefore(until.atStartOfDay(this.zone).toInstant());
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

}
