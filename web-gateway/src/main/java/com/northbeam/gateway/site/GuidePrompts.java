package com.northbeam.gateway.site;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.northbeam.gateway.client.AssessmentClient.Question;
import com.northbeam.gateway.client.CurrentQuestionnaire;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * "Does this apply to you?": the main guide's sections about a question of the assessment
 * end with a prompt that opens the wizard at that question's step. The prompts follow the
 * sections' heading ids, a contract with content-service and assessment-service
 * ({@code docs/conventions.md}), so editors may reword and rearrange the guide freely; a
 * section whose id is gone simply has no prompt. They are the same for every visitor, so
 * they are part of the cached page.
 */
@Component
class GuidePrompts {

	/**
	 * Section id to question id, as {@code docs/conventions.md} lists them: each the
	 * question a result factor linking to the section asks.
	 */
	static final Map<String, String> QUESTIONS = Map.of("internal-team-overloaded", "workload",
			"missing-specialised-skills", "skills_gaps", "growth-outpacing-capacity", "growth", "limited-coverage",
			"coverage", "technology-getting-complex", "security_complexity", "hiring-is-hard", "hiring",
			"predictable-operations", "predictability", "side-by-side-comparison", "control_preference");

	private static final Logger log = LoggerFactory.getLogger(GuidePrompts.class);

	/** A heading's start tag, with its level and (if any) its id. */
	private static final Pattern HEADING = Pattern.compile("<h([1-6])\\b([^>]*)>");

	private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]*)\"");

	private final CurrentQuestionnaire questionnaires;

	GuidePrompts(CurrentQuestionnaire questionnaires) {
		this.questionnaires = questionnaires;
	}

	/** A stretch of the article's HTML, and the prompt that follows it, if any. */
	record Part(String html, Prompt prompt) {
	}

	/** Asks the reader the question {@code question}, worded {@code label}. */
	record Prompt(String question, String label) {
	}

	/** The guide's body cut after each section about a question, with its prompt. */
	List<Part> parts(String html) {
		if (html == null) {
			return List.of(new Part("", null));
		}
		try {
			return split(html, (id) -> questionnaires.get().question(id).map(Question::label));
		}
		catch (RuntimeException ex) {
			// No questionnaire to be had (assessment-service down since the gateway
			// started): the guide without its prompts until the page is rendered again.
			log.warn("Guide prompts left out: {}", ex.toString());
			return List.of(new Part(html, null));
		}
	}

	/**
	 * Cuts {@code html} at the end of each section whose heading id names a question:
	 * before the next heading of the same or a higher level, or at the end. A section's
	 * prompt comes before that of a section around it.
	 */
	static List<Part> split(String html, Function<String, Optional<String>> labels) {
		List<Heading> headings = new ArrayList<>();
		Matcher tag = HEADING.matcher(html);
		while (tag.find()) {
			Matcher id = ID.matcher(tag.group(2));
			headings.add(new Heading(tag.start(), Integer.parseInt(tag.group(1)), id.find() ? id.group(1) : null));
		}
		List<Cut> cuts = new ArrayList<>();
		for (int i = 0; i < headings.size(); i++) {
			Heading heading = headings.get(i);
			String question = (heading.id() != null) ? QUESTIONS.get(heading.id()) : null;
			Optional<String> label = (question != null) ? labels.apply(question) : Optional.empty();
			if (label.isPresent()) {
				int end = html.length();
				for (Heading next : headings.subList(i + 1, headings.size())) {
					if (next.level() <= heading.level()) {
						end = next.start();
						break;
					}
				}
				cuts.add(new Cut(end, -i, new Prompt(question, label.get())));
			}
		}
		cuts.sort(Comparator.comparingInt(Cut::at).thenComparingInt(Cut::order));
		List<Part> parts = new ArrayList<>();
		int from = 0;
		for (Cut cut : cuts) {
			parts.add(new Part(html.substring(from, cut.at()), cut.prompt()));
			from = cut.at();
		}
		parts.add(new Part(html.substring(from), null));
		return parts;
	}

	private record Heading(int start, int level, String id) {
	}

	private record Cut(int at, int order, Prompt prompt) {
	}

}
