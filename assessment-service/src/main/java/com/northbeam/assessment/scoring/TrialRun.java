package com.northbeam.assessment.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.northbeam.assessment.questionnaire.Answers;

/**
 * What publishing a draft would do: the golden personas under the draft, and how the
 * recommendations of every stored submission would move.
 *
 * @param draftId the draft tried
 * @param revision its revision tried
 * @param comparedWithVersion the published version it is compared with
 * @param personas each golden persona under the draft
 * @param personasPassed how many personas get the model the guide implies
 * @param personasFailed how many do not
 * @param submissions how the stored submissions would move
 * @param elapsedMillis how long the trial took
 */
record TrialRun(long draftId, int revision, int comparedWithVersion, List<GoldenPersonas.Result> personas,
		int personasPassed, int personasFailed, Submissions submissions, long elapsedMillis) {

	/**
	 * @param scored submissions scored with the draft
	 * @param skipped submissions of another questionnaire version, which the draft does
	 * not read
	 * @param changed submissions whose recommendation would change
	 * @param moves from each current recommendation (rows) to each draft recommendation
	 * (columns), every model listed
	 * @param before how many submissions each model is recommended to now
	 * @param after how many it would be recommended to under the draft
	 * @param leadsChanged how many of the changed submissions are leads
	 * @param leads the leads that would change, up to the limit asked for
	 * @param leadsTruncated whether more leads would change than are listed
	 */
	record Submissions(long scored, long skipped, long changed, Map<String, Map<String, Long>> moves,
			Map<String, Long> before, Map<String, Long> after, long leadsChanged, List<LeadChange> leads,
			boolean leadsTruncated) {
	}

	/**
	 * @param leadId the lead
	 * @param submissionId its submission
	 * @param from its recommendation now
	 * @param to its recommendation under the draft
	 */
	record LeadChange(UUID leadId, UUID submissionId, String from, String to) {
	}

	/**
	 * Tallies stored submissions batch by batch: scores in memory, and asks for the lead
	 * ids of the changed ones with one query per batch.
	 */
	static final class Tally {

		private final ScoringRules draft;

		private final LeadReferences leads;

		private final int limit;

		private final long[][] moves = new long[Model.ALL.size()][Model.ALL.size()];

		private long scored;

		private long skipped;

		private long leadsChanged;

		private final List<LeadChange> listed = new ArrayList<>();

		Tally(ScoringRules draft, LeadReferences leads, int limit) {
			this.draft = draft;
			this.leads = leads;
			this.limit = limit;
		}

		void add(List<StoredAnswers.Stored> batch) {
			Map<UUID, String[]> changed = new HashMap<>();
			for (StoredAnswers.Stored stored : batch) {
				Answers answers = stored.answers();
				int from = Model.ALL.indexOf(stored.recommendation());
				if (answers.questionnaireVersion() != this.draft.questionnaireVersion() || from < 0) {
					this.skipped++;
					continue;
				}
				int to = ScoringEngine.winner(ScoringEngine.raw(this.draft, answers));
				this.moves[from][to]++;
				this.scored++;
				if (from != to) {
					changed.put(stored.submissionId(), new String[] { Model.ALL.get(from), Model.ALL.get(to) });
				}
			}
			if (changed.isEmpty()) {
				return;
			}
			Map<UUID, UUID> leadIds = this.leads.leadIds(changed.keySet());
			this.leadsChanged += leadIds.size();
			for (StoredAnswers.Stored stored : batch) {
				UUID leadId = leadIds.get(stored.submissionId());
				if (leadId != null && this.listed.size() < this.limit) {
					String[] move = changed.get(stored.submissionId());
					this.listed.add(new LeadChange(leadId, stored.submissionId(), move[0], move[1]));
				}
			}
		}

		Submissions result() {
			Map<String, Map<String, Long>> table = new LinkedHashMap<>();
			Map<String, Long> before = new LinkedHashMap<>();
			Map<String, Long> after = new LinkedHashMap<>();
			long changed = 0;
			for (int from = 0; from < Model.ALL.size(); from++) {
				Map<String, Long> row = new LinkedHashMap<>();
				for (int to = 0; to < Model.ALL.size(); to++) {
					long count = this.moves[from][to];
					row.put(Model.ALL.get(to), count);
					before.merge(Model.ALL.get(from), count, Long::sum);
					after.merge(Model.ALL.get(to), count, Long::sum);
					if (from != to) {
						changed += count;
					}
				}
				table.put(Model.ALL.get(from), row);
			}
			return new Submissions(this.scored, this.skipped, changed, table, before, after, this.leadsChanged,
					List.copyOf(this.listed), this.leadsChanged > this.listed.size());
		}

	}

}
