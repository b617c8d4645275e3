package com.northbeam.assessment.scoring;

import java.util.List;
import java.util.Map;

import com.northbeam.assessment.questionnaire.Questionnaire;
import com.northbeam.assessment.questionnaire.Questionnaire.Question;

/**
 * Renders a decision map as {@code docs/recommendations.md}. A test compares the file
 * with this rendering of the newest shipped rules version, so the document cannot go
 * stale.
 */
final class DecisionMapDocument {

	static final String REGENERATE = "./mvnw -B -q -pl assessment-service -am verify -Dtest=DecisionMapDocumentTests "
			+ "-Dsurefire.failIfNoSpecifiedTests=false -Dscoring.decision-map.write=true";

	private DecisionMapDocument() {
	}

	static String render(DecisionMap map, ScoringRules rules, Questionnaire questionnaire) {
		StringBuilder out = new StringBuilder();
		out.append("# Recommendations: the decision map\n\n");
		out.append("<!-- Generated from the published scoring rules by DecisionMapDocumentTests; do not edit. -->\n\n");
		out.append("Which support model the assessment recommends, for every size band and kind of internal IT, ")
			.append("under low, typical and high pressure, with rules version ")
			.append(rules.version())
			.append(" (`assessment-service/src/main/resources/scoring/rules-v")
			.append(rules.version())
			.append(".json`). The rules follow the guide's signals (see the product brief, ")
			.append("\"How the recommendation follows from the guide\"): no dedicated IT points to fully managed; ")
			.append("a capable internal team under pressure points to co-managed; a large organisation whose ")
			.append("internal IT can own the core points to a hybrid structure; preferences (control, hiring, ")
			.append("predictability) pull towards co-managed or fully managed.\n\n");
		out.append("Each cell reads *winner, margin over the runner-up (fit points; raw points in brackets), ")
			.append("confidence*. The fit of a model is 0-100; the margin is the winner's fit minus the ")
			.append("runner-up's. Confidence is `close` when two models are so near that one answer could swap ")
			.append("them. The workbench shows the same map for the published version and for drafts ")
			.append("(`GET /api/admin/scoring/decision-map`, `GET /api/admin/scoring/drafts/{id}/decision-map`).\n\n");
		out.append("Regenerate after changing the shipped rules:\n\n```sh\n").append(REGENERATE).append("\n```\n\n");
		out.append("## Pressure profiles\n\n");
		out.append("| question | low pressure | typical pressure | high pressure |\n|---|---|---|---|\n");
		Map<String, List<String>> low = map.pressures().get("low");
		for (String question : low.keySet()) {
			out.append("| ").append(label(questionnaire, question));
			for (Map<String, List<String>> level : map.pressures().values()) {
				out.append(" | ").append(codes(level.get(question)));
			}
			out.append(" |\n");
		}
		out.append("\nEvery profile shares these preferences: ");
		out.append(String.join(", ",
				map.preferences()
					.entrySet()
					.stream()
					.map((entry) -> label(questionnaire, entry.getKey()) + " " + codes(entry.getValue()))
					.toList()));
		out.append(". Where there is no IT team (`none`, `tech_savvy_staff`) the workload question is not asked ")
			.append("and is answered `no_team`.\n\n");
		out.append("## The map\n");
		Question employees = questionnaire.question(DecisionMap.EMPLOYEES).orElseThrow();
		Question internalIt = questionnaire.question(DecisionMap.INTERNAL_IT).orElseThrow();
		for (Questionnaire.Option size : employees.options()) {
			out.append("\n### ").append(size.label()).append(" (`").append(size.code()).append("`)\n\n");
			out.append("| internal IT | low pressure | typical pressure | high pressure |\n|---|---|---|---|\n");
			for (Questionnaire.Option who : internalIt.options()) {
				out.append("| `").append(who.code()).append('`');
				for (String level : map.pressures().keySet()) {
					DecisionMap.Cell cell = map.cells()
						.stream()
						.filter((each) -> each.employees().equals(size.code()) && each.internalIt().equals(who.code())
								&& each.pressure().equals(level))
						.findFirst()
						.orElseThrow();
					out.append(" | **")
						.append(cell.recommendation())
						.append("** +")
						.append(cell.fitMargin())
						.append(" (")
						.append(cell.rawMargin())
						.append(") over ")
						.append(cell.runnerUp())
						.append(", ")
						.append(cell.confidenceLabel());
				}
				out.append(" |\n");
			}
		}
		return out.toString();
	}

	private static String label(Questionnaire questionnaire, String question) {
		return "`" + question + "`";
	}

	private static String codes(List<String> codes) {
		return String.join(", ", codes.stream().map((code) -> "`" + code + "`").toList());
	}

}
