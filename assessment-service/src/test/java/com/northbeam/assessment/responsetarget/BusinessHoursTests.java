package com.northbeam.assessment.responsetarget;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BusinessHoursTests {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

	static final BusinessHours OFFICE = new BusinessHours(BERLIN, WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(17, 0));

	/** 2026-03-27 is a Friday; Berlin moves its clocks forward on Sunday 2026-03-29. */
	static Instant berlin(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
	}

	@Test
	void countsOnlyTheTimeInsideWorkingHours() {
		assertThat(OFFICE.between(berlin("2026-03-02T10:00"), berlin("2026-03-02T11:30"))).hasMinutes(90);
		assertThat(OFFICE.between(berlin("2026-03-02T07:00"), berlin("2026-03-02T09:20"))).hasMinutes(20);
		assertThat(OFFICE.between(berlin("2026-03-02T16:50"), berlin("2026-03-02T22:00"))).hasMinutes(10);
		assertThat(OFFICE.between(berlin("2026-03-02T18:00"), berlin("2026-03-02T23:00"))).isZero();
		assertThat(OFFICE.between(berlin("2026-03-02T11:00"), berlin("2026-03-02T10:00"))).isZero();
	}

	@Test
	void anEveningAndANightDoNotCount() {
		assertThat(OFFICE.between(berlin("2026-03-02T16:30"), berlin("2026-03-03T09:30"))).hasMinutes(60);
	}

	@Test
	void aWeekendDoesNotCount() {
		assertThat(OFFICE.between(berlin("2026-03-06T16:30"), berlin("2026-03-09T09:30"))).hasMinutes(60);
		assertThat(OFFICE.between(berlin("2026-03-07T10:00"), berlin("2026-03-08T16:00"))).isZero();
	}

	@Test
	void aLeadArrivingOutsideWorkingHoursStartsWaitingWhenTheDayStarts() {
		Instant saturday = berlin("2026-03-07T12:00");
		assertThat(OFFICE.between(saturday, berlin("2026-03-09T09:59"))).hasMinutes(59);
		assertThat(OFFICE.between(saturday, berlin("2026-03-09T10:00"))).hasMinutes(60);
		Instant cutoff = OFFICE.before(berlin("2026-03-09T10:00"), Duration.ofHours(1));
		assertThat(cutoff).isEqualTo(berlin("2026-03-09T09:00"));
		assertThat(saturday).isBefore(cutoff);
		assertThat(OFFICE.before(berlin("2026-03-09T09:59"), Duration.ofHours(1)))
			.isEqualTo(berlin("2026-03-06T16:59"));
	}

	@Test
	void aWeekendWithTheClocksGoingForwardStillCountsTheHourOnEitherSide() {
		// Friday 16:30 CET (UTC+1) to Monday 09:30 CEST (UTC+2)
		Instant friday = berlin("2026-03-27T16:30");
		Instant monday = berlin("2026-03-30T09:30");
		assertThat(Duration.between(friday, monday)).hasHours(64);
		assertThat(OFFICE.between(friday, monday)).hasMinutes(60);
		assertThat(OFFICE.before(monday, Duration.ofMinutes(60))).isEqualTo(friday);
	}

	@Test
	void workingHoursThatHoldTheChangeAreAnHourShorterOrLonger() {
		BusinessHours nights = new BusinessHours(BERLIN, EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT,
				LocalTime.of(6, 0));
		assertThat(nights.between(berlin("2026-03-28T00:00"), berlin("2026-03-28T23:00"))).hasHours(6);
		assertThat(nights.between(berlin("2026-03-29T00:00"), berlin("2026-03-29T23:00"))).hasHours(5);
		ZonedDateTime october = LocalDate.parse("2026-10-25").atStartOfDay(BERLIN);
		assertThat(nights.between(october.toInstant(), october.plusHours(23).toInstant())).hasHours(7);
		// A day that starts inside the gap (02:30 does not exist on 29 March) opens at
		// 03:00.
		BusinessHours late = new BusinessHours(BERLIN, EnumSet.allOf(DayOfWeek.class), LocalTime.of(2, 30),
				LocalTime.of(4, 0));
		assertThat(late.between(berlin("2026-03-29T00:00"), berlin("2026-03-29T12:00"))).hasMinutes(30);
	}

	@Test
	void aWholeDayEndingAtMidnightCountsLikeTheClock() {
		BusinessHours always = new BusinessHours(ZoneId.of("UTC"), EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT,
				LocalTime.MIDNIGHT);
		Instant from = Instant.parse("2026-01-01T13:14:15.123456Z");
		Instant to = Instant.parse("2027-02-03T04:05:06Z");
		assertThat(always.between(from, to)).isEqualTo(Duration.between(from, to));
		assertThat(always.before(to, Duration.ofMinutes(60))).isEqualTo(to.minusSeconds(3600));
		assertThat(always.dayLength()).hasHours(24);
	}

	@Test
	void refusesHoursThatEndBeforeTheyStartOrNoWorkingDay() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BusinessHours(BERLIN, WEEKDAYS, LocalTime.of(17, 0), LocalTime.of(9, 0)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BusinessHours(BERLIN, WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(9, 0)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BusinessHours(BERLIN, Set.of(), LocalTime.of(9, 0), LocalTime.of(17, 0)));
	}

	/**
	 * Long spans are counted a week at a time; over years, across daylight-saving changes
	 * and in several zones, the result is what counting each day gives.
	 */
	@Test
	void longSpansCountTheSameAsDayByDay() {
		Random random = new Random(13);
		List<BusinessHours> hours = List.of(OFFICE,
				new BusinessHours(NEW_YORK, EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), LocalTime.of(1, 30),
						LocalTime.of(3, 15)),
				new BusinessHours(ZoneId.of("Australia/Lord_Howe"), EnumSet.allOf(DayOfWeek.class), LocalTime.of(1, 0),
						LocalTime.MIDNIGHT),
				new BusinessHours(ZoneId.of("Asia/Kolkata"), EnumSet.of(DayOfWeek.SATURDAY), LocalTime.of(10, 0),
						LocalTime.of(14, 0)));
		Instant base = Instant.parse("2025-01-01T00:00:00Z");
		for (int i = 0; i < 400; i++) {
			BusinessHours business = hours.get(i % hours.size());
			Instant from = base.plusSeconds(random.nextLong(3L * 365 * 86400));
			Instant to = from.plusSeconds(random.nextLong(2L * 365 * 86400));
			assertThat(business.between(from, to)).as("%s from %s to %s", business, from, to)
				.isEqualTo(dayByDay(business, from, to));
		}
	}

	/** {@code before} is the inverse of {@code between}, to the microsecond. */
	@Test
	void beforeGivesTheLatestArrivalThatHasWaitedTheAmount() {
		Random random = new Random(7);
		List<BusinessHours> hours = List.of(OFFICE,
				new BusinessHours(NEW_YORK, EnumSet.of(DayOfWeek.SUNDAY), LocalTime.of(0, 30), LocalTime.of(3, 30)));
		Instant base = Instant.parse("2025-01-01T00:00:00Z");
		for (int i = 0; i < 400; i++) {
			BusinessHours business = hours.get(i % hours.size());
			Instant to = base.plusSeconds(random.nextLong(3L * 365 * 86400))
				.plusNanos(random.nextInt(1_000_000) * 1000L);
			Duration amount = Duration.ofMinutes(1 + random.nextInt(10080));
			Instant cutoff = business.before(to, amount);
			assertThat(business.between(cutoff, to)).as("%s to %s amount %s", business, to, amount).isEqualTo(amount);
			assertThat(business.between(cutoff.plusNanos(1000), to)).isLessThan(amount);
		}
	}

	private static Duration dayByDay(BusinessHours business, Instant from, Instant to) {
		Duration total = Duration.ZERO;
		for (LocalDate day = LocalDate.ofInstant(from, business.zone()); !day
			.isAfter(LocalDate.ofInstant(to, business.zone())); day = day.plusDays(1)) {
			if (!business.days().contains(day.getDayOfWeek())) {
				continue;
			}
			Instant opens = day.atTime(business.start()).atZone(business.zone()).toInstant();
			Instant closes = LocalTime.MIDNIGHT.equals(business.end())
					? day.plusDays(1).atStartOfDay(business.zone()).toInstant()
					: day.atTime(business.end()).atZone(business.zone()).toInstant();
			Instant start = opens.isAfter(from) ? opens : from;
			Instant end = closes.isBefore(to) ? closes : to;
			if (end.isAfter(start)) {
				total = total.plus(Duration.between(start, end));
			}
		}
		return total;
	}

}
