package com.northbeam.gateway.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GuidePromptsTests {

	@Test
	void theSectionsAndQuestionsAreThoseOfTheSharedConventions() throws IOException {
		String conventions = Files.readString(Path.of("..", "docs", "conventions.md"));
		String section = conventions.substring(conventions.indexOf("## Guide anchors"),
				conventions.indexOf("## Article slugs"));
		Matcher row = Pattern.compile("^\\| `([a-z0-9-]+)` \\|[^|]*\\| `([a-z_]+)` \\|", Pattern.MULTILINE)
			.matcher(section);
		Map<String, String> documented = new HashMap<>();
		while (row.find()) {
			documented.put(row.group(1), row.group(2));
		}
		assertThat(GuidePrompts.QUESTIONS).hasSize(8).isEqualTo(documented);
	}

	@Test
	void aPromptEndsItsSectionBeforeTheNextHeadingOfTheSameOrAHigherLevel() {
		String html = "<p>Intro</p><h2 id=\"side-by-side-comparison\">At a glance</h2><table></table>"
				+ "<h2 id=\"when-co-managed-it-makes-sense\">When</h2><p>Four situations.</p>"
				+ "<h3 id=\"internal-team-overloaded\">Overloaded</h3><p>Tickets.</p><h4>Detail</h4><p>More.</p>"
				+ "<h3 id=\"limited-coverage\">Coverage</h3><p>Nights.</p>";

		List<GuidePrompts.Part> parts = GuidePrompts.split(html, (question) -> Optional.of("Label of " + question));

		assertThat(parts).extracting(GuidePrompts.Part::html)
			.containsExactly("<p>Intro</p><h2 id=\"side-by-side-comparison\">At a glance</h2><table></table>",
					"<h2 id=\"when-co-managed-it-makes-sense\">When</h2><p>Four situations.</p>"
							+ "<h3 id=\"internal-team-overloaded\">Overloaded</h3><p>Tickets.</p><h4>Detail</h4><p>More.</p>",
					"<h3 id=\"limited-coverage\">Coverage</h3><p>Nights.</p>", "");
		assertThat(parts).extracting(GuidePrompts.Part::prompt)
			.containsExactly(new GuidePrompts.Prompt("control_preference", "Label of control_preference"),
					new GuidePrompts.Prompt("workload", "Label of workload"),
					new GuidePrompts.Prompt("coverage", "Label of coverage"), null);
		assertThat(String.join("", parts.stream().map(GuidePrompts.Part::html).toList())).isEqualTo(html);
	}

	@Test
	void aSectionInsideAnotherGetsItsPromptFirstAndUnknownQuestionsNone() {
		String html = "<h2 id=\"side-by-side-comparison\">A</h2><h3 id=\"hiring-is-hard\">B</h3><p>b</p>"
				+ "<h2 id=\"faq\">FAQ</h2>";
		List<GuidePrompts.Part> parts = GuidePrompts.split(html,
				(question) -> "hiring".equals(question) || "control_preference".equals(question) ? Optional.of(question)
						: Optional.empty());

		assertThat(parts).extracting(GuidePrompts.Part::prompt)
			.extracting((prompt) -> (prompt != null) ? prompt.question() : null)
			.containsExactly("hiring", "control_preference", null);
		assertThat(GuidePrompts.split("<p>No headings</p>", (question) -> Optional.of(question)))
			.containsExactly(new GuidePrompts.Part("<p>No headings</p>", null));
	}

}
