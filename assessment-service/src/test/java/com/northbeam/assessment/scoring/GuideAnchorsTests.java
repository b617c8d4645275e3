package com.northbeam.assessment.scoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GuideAnchorsTests {

	private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9-]+)` \\|[^|]*\\|\\s*(?:`([a-z_]+)`)?\\s*\\|",
			Pattern.MULTILINE);

	@Test
	void theAnchorsAreExactlyThoseOfTheSharedConventions() throws IOException {
		Matcher row = ROW.matcher(guideAnchorsSection());
		Set<String> documented = new HashSet<>();
		while (row.find()) {
			documented.add(row.group(1));
		}
		assertThat(documented).hasSize(20);
		assertThat(GuideAnchors.ALL).isEqualTo(documented);
	}

	/**
	 * The guide invites readers to answer a question at the end of the section the
	 * conventions name for it; a result factor about that question links to the same
	 * section, so guide and result speak of the same thing in the same place.
	 */
	@Test
	void eachSectionsQuestionIsAskedByAFactorThatLinksToIt() throws IOException {
		Map<String, String> questions = new LinkedHashMap<>();
		Matcher row = ROW.matcher(guideAnchorsSection());
		while (row.find()) {
			if (row.group(2) != null) {
				questions.put(row.group(1), row.group(2));
			}
		}
		assertThat(questions.values()).containsExactlyInAnyOrder("workload", "skills_gaps", "growth", "coverage",
				"security_complexity", "hiring", "predictability", "control_preference");
		ScoringRules latest = ScoringEngineTests.rules("scoring/rules-v2.json");
		questions.forEach((anchor, question) -> {
			assertThat(ScoringEngineTests.QUESTIONNAIRE.question(question)).as(question).isPresent();
			assertThat(latest.rules()).as("a factor about %s links to %s", question, anchor).anySatisfy((rule) -> {
				assertThat(rule.guideAnchor()).isEqualTo(anchor);
				assertThat(rule.when()).anySatisfy((condition) -> assertThat(condition.question()).isEqualTo(question));
			});
		});
	}

	private static String guideAnchorsSection() throws IOException {
		String conventions = Files.readString(Path.of("..", "docs", "conventions.md"));
		return conventions.substring(conventions.indexOf("## Guide anchors"), conventions.indexOf("## Article slugs"));
	}

}
