package com.northbeam.assessment.scoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/recommendations.md} is the decision map of the newest shipped rules. Run
 * with {@code -Dscoring.decision-map.write=true} to regenerate it (see the command in the
 * document).
 */
class DecisionMapDocumentTests {

	static final Path DOCUMENT = Path.of("..", "docs", "recommendations.md");

	static ScoringRules newestShipped() {
		List<ScoringRules> shipped = Scoring.load(List.of("classpath*:scoring/rules-v*.json"), ScoringEngineTests.JSON);
		ScoringRules newest = shipped.stream().max(Comparator.comparingInt(ScoringRules::version)).orElseThrow();
		Scoring.verify(newest, ScoringEngineTests.QUESTIONNAIRE);
		return newest;
	}

	@Test
	void theDocumentIsTheMapOfTheNewestShippedRules() throws IOException {
		ScoringRules rules = newestShipped();
		String rendered = DecisionMapDocument.render(DecisionMap.of(rules, ScoringEngineTests.QUESTIONNAIRE), rules,
				ScoringEngineTests.QUESTIONNAIRE);
		if (Boolean.getBoolean("scoring.decision-map.write")) {
			Files.writeString(DOCUMENT, rendered);
		}
		assertThat(Files.exists(DOCUMENT))
			.as("docs/recommendations.md exists; regenerate it with: %s", DecisionMapDocument.REGENERATE)
			.isTrue();
		assertThat(Files.readString(DOCUMENT))
			.as("docs/recommendations.md is stale; regenerate it with: %s", DecisionMapDocument.REGENERATE)
			.isEqualTo(rendered);
	}

	@Test
	void theMapCoversEverySizeBandKindOfInternalItAndPressure() {
		DecisionMap map = DecisionMap.of(newestShipped(), ScoringEngineTests.QUESTIONNAIRE);
		assertThat(map.cells()).hasSize(5 * 5 * 3);
		assertThat(map.cells())
			.filteredOn((cell) -> cell.employees().equals("1000+") && cell.internalIt().equals("it_department"))
			.extracting(DecisionMap.Cell::recommendation)
			.containsOnly(Model.HYBRID);
		assertThat(map.cells()).filteredOn((cell) -> cell.internalIt().equals("none"))
			.extracting(DecisionMap.Cell::recommendation)
			.containsOnly(Model.FULLY_MANAGED);
		assertThat(map.cells()).allSatisfy((cell) -> assertThat(cell.fitMargin()).isNotNegative());
	}

}
