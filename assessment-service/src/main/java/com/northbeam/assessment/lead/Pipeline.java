package com.northbeam.assessment.lead;

import java.util.List;
import java.util.Map;

/**
 * The stages of a lead and the moves between them.
 * <ul>
 * <li>An open lead ({@code new}, {@code contacted}, {@code qualified}, {@code proposal})
 * may move forward to any later stage, {@code won} included (a stage can be
 * skipped).</li>
 * <li>Any open lead may be marked {@code lost}, which needs a reason.</li>
 * <li>A lost lead may be reopened to {@code contacted} (its lost reason is cleared).</li>
 * <li>{@code won} is final. Moving backwards between open stages is not allowed.</li>
 * </ul>
 */
final class Pipeline {

	static final String NEW = "new";

	static final String WON = "won";

	static final String LOST = "lost";

	static final String CONTACTED = "contacted";

	/** In pipeline order. */
	static final List<String> STATUSES = List.of(NEW, CONTACTED, "qualified", "proposal", WON, LOST);

	/** In the order statistics show them. */
	static final List<String> RECOMMENDATIONS = List.of("co_managed", "fully_managed", "hybrid");

	private static final Map<String, Integer> ORDER = Map.of(NEW, 0, CONTACTED, 1, "qualified", 2, "proposal", 3, WON,
			4);

	private Pipeline() {
	}

	static boolean isStatus(String status) {
		return STATUSES.contains(status);
	}

	static boolean isOpen(String status) {
		return !WON.equals(status) && !LOST.equals(status);
	}

	/** Whether a lead in {@code from} may move to {@code to}. */
	static boolean allows(String from, String to) {
		if (LOST.equals(from)) {
			return CONTACTED.equals(to);
		}
		if (WON.equals(from)) {
			return false;
		}
		if (LOST.equals(to)) {
			return true;
		}
		return ORDER.containsKey(to) && ORDER.get(to) > ORDER.get(from);
	}

}
