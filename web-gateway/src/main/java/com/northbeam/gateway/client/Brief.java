package com.northbeam.gateway.client;

import java.time.Instant;
import java.util.List;

/**
 * The gateway's view of assessment-service's call-prep brief and responsibility matrix.
 */
public final class Brief {

	private Brief() {
	}

	/**
	 * What a salesperson reads before the first call; {@code cost} is one line.
	 */
	public record CallPrep(Integer rulesVersion, String recommendation, List<Item> signals, List<Item> painPoints,
			List<Objection> objections, List<Question> questions, String cost, Item nextStep) {

		public CallPrep {
			signals = (signals != null) ? List.copyOf(signals) : List.of();
			painPoints = (painPoints != null) ? List.copyOf(painPoints) : List.of();
			objections = (objections != null) ? List.copyOf(objections) : List.of();
			questions = (questions != null) ? List.copyOf(questions) : List.of();
		}

	}

	public record Item(String code, String text, List<String> because, String guideAnchor) {

		public Item {
			because = (because != null) ? List.copyOf(because) : List.of();
		}

	}

	public record Objection(String code, String misconception, String response, List<String> because,
			String guideAnchor) {

		public Objection {
			because = (because != null) ? List.copyOf(because) : List.of();
		}

	}

	/** {@code why} is {@code urgent} or {@code open}. */
	public record Question(String code, String text, String why, List<String> because, String guideAnchor) {

		public Question {
			because = (because != null) ? List.copyOf(because) : List.of();
		}

	}

	/** Who would own each IT function under {@code model}. */
	public record Responsibility(Integer rulesVersion, String model, List<Cell> cells, List<String> leadershipKeeps) {

		/** The owners a cell may have, in the order forms offer them. */
		public static final List<String> OWNERS = List.of("internal", "shared", "provider");

		public Responsibility {
			cells = (cells != null) ? List.copyOf(cells) : List.of();
			leadershipKeeps = (leadershipKeeps != null) ? List.copyOf(leadershipKeeps) : List.of();
		}

	}

	/**
	 * {@code owner} is the proposal, {@code current} the owner now, {@code edit} the
	 * newest edit or {@code null}.
	 */
	public record Cell(String function, String label, String owner, String reason, String rule, List<String> because,
			String current, Edit edit) {

		public Cell {
			because = (because != null) ? List.copyOf(because) : List.of();
		}

		/** The version an edit of this cell is based on. */
		public int version() {
			return (edit != null) ? edit.version() : 0;
		}

		public boolean edited() {
			return edit != null;
		}

	}

	public record Edit(int version, String owner, String note, String proposedOwner, String editedBy,
			Instant editedAt) {
	}

}
