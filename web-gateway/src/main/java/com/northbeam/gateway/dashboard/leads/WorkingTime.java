package com.northbeam.gateway.dashboard.leads;

/**
 * A span of working time as the dashboard writes it: {@code 3 h 20 min}, {@code 25 min},
 * {@code 2 h}, {@code < 1 min}. Whole minutes, rounded down, so a lead shown as waiting
 * {@code 59 min} is not yet past a one-hour target.
 */
public final class WorkingTime {

	private WorkingTime() {
	}

	public static String text(Number seconds) {
		if (seconds == null) {
			return "";
		}
		long minutes = (long) Math.floor(seconds.doubleValue() / 60);
		if (minutes < 1) {
			return "< 1 min";
		}
		long hours = minutes / 60;
		long rest = minutes % 60;
		if (hours == 0) {
			return rest + " min";
		}
		return (rest == 0) ? hours + " h" : hours + " h " + rest + " min";
	}

}
