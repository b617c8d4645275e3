package com.northbeam.assessment.brief;

import java.time.Instant;
import java.util.List;

/**
 * Who would own each IT function under a model: the proposal made by the responsibility
 * rules version {@code rulesVersion} from the answers, with (on a lead) the newest edit
 * of each cell beside it.
 *
 * @param model the model the matrix is for
 * @param cells one per function, in the rules' order
 * @param leadershipKeeps what stays with the business's leadership under the model
 */
public record Responsibility(int rulesVersion, String model, List<Cell> cells, List<String> leadershipKeeps) {

	public static final String INTERNAL = "internal";

	public static final String PROVIDER = "provider";

	public static final String SHARED = "shared";

	public Responsibility {
		cells = List.copyOf(cells);
		leadershipKeeps = List.copyOf(leadershipKeeps);
	}

	/**
	 * @param function stable code of the function
	 * @param label its name
	 * @param owner the proposed owner: {@link #INTERNAL}, {@link #PROVIDER} or
	 * {@link #SHARED}
	 * @param reason why, in plain words
	 * @param rule the rule that decided it ({@code default} for the model's default)
	 * @param because the answers that made the rule apply
	 * @param current the owner now: the edit's when edited, else the proposed one
	 * @param edit the newest edit by sales, or {@code null}
	 */
	public record Cell(String function, String label, String owner, String reason, String rule, List<String> because,
			String current, Edit edit) {

		public Cell {
			because = List.copyOf(because);
		}

		Cell withEdit(Edit edit) {
			return new Cell(this.function, this.label, this.owner, this.reason, this.rule, this.because,
					(edit != null) ? edit.owner() : this.owner, edit);
		}

	}

	/**
	 * @param version the cell's version (1 for the first edit); send it back to edit
	 * again
	 * @param proposedOwner the owner proposed when the edit was made
	 */
	public record Edit(int version, String owner, String note, String proposedOwner, String editedBy,
			Instant editedAt) {
	}

}
