package com.northbeam.assessment.questionnaire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.northbeam.assessment.questionnaire.Questionnaire.Question;
import com.northbeam.assessment.questionnaire.Questionnaire.Step;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Who knows each answer best when two people of one company answer. {@value #TECHNICAL}
 * questions are about the IT team and its needs (who runs IT, workload, waiting, slipping
 * projects, missing skills, coverage, security): the IT person's answer counts.
 * {@value #BUSINESS} questions are about the business (size, growth, what it relies on,
 * control, hiring, predictability): the respondent's answer counts.
 * <p>
 * Kept as data beside each published questionnaire version
 * ({@code questionnaire/domains-v<N>.json}) rather than in it, since a published version
 * is frozen. Checked at start-up: every question of every version has one domain, a step
 * never mixes the two, and a question depends only on a question of its own domain, so
 * answers merged by domain stay consistent.
 */
@Component
public class QuestionDomains {

	public static final String TECHNICAL = "technical";

	public static final String BUSINESS = "business";

	static final String LOCATION = "classpath*:questionnaire/domains-v*.json";

	/** The domains of one questionnaire version's questions, by question id. */
	public record Definition(int questionnaireVersion, Map<String, String> domains) {

		public Definition {
			domains = Map.copyOf(domains);
		}

	}

	private final Map<Integer, Definition> versions = new HashMap<>();

	@Autowired
	QuestionDomains(Questionnaires questionnaires, ObjectMapper json) {
		this(questionnaires, load(json));
	}

	public QuestionDomains(Questionnaires questionnaires, Collection<Definition> definitions) {
		for (Definition definition : definitions) {
			if (this.versions.put(definition.questionnaireVersion(), definition) != null) {
				throw new IllegalStateException(
						"Question domains of version " + definition.questionnaireVersion() + " are defined twice");
			}
		}
		for (int version : questionnaires.versions()) {
			verify(questionnaires.version(version).orElseThrow());
		}
	}

	static List<Definition> load(ObjectMapper json) {
		List<Definition> definitions = new ArrayList<>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
				try (InputStream in = resource.getInputStream()) {
					definitions.add(json.readValue(in, Definition.class));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return definitions;
	}

	/** Whether a question of the questionnaire is about the IT team and its needs. */
	public boolean technical(Questionnaire questionnaire, String questionId) {
		return TECHNICAL.equals(definition(questionnaire).domains().get(questionId));
	}

	/** The ids of the technical questions, in the questionnaire's order. */
	public List<String> technicalQuestions(Questionnaire questionnaire) {
		return questionnaire.questions()
			.stream()
			.map(Question::id)
			.filter((id) -> technical(questionnaire, id))
			.toList();
	}

	/** The steps that ask technical questions: what an invited IT colleague answers. */
	public List<Step> technicalSteps(Questionnaire questionnaire) {
		return questionnaire.steps()
			.stream()
			.filter((step) -> !step.questionIds().isEmpty() && technical(questionnaire, step.questionIds().get(0)))
			.toList();
	}

	private Definition definition(Questionnaire questionnaire) {
		Definition definition = this.versions.get(questionnaire.version());
		if (definition == null) {
			throw new IllegalStateException("Questionnaire version " + questionnaire.version() + " has no domains");
		}
		return definition;
	}

	private void verify(Questionnaire questionnaire) {
		String at = "Question domains of version " + questionnaire.version() + ": ";
		Map<String, String> domains = definition(questionnaire).domains();
		Set<String> ids = questionnaire.questions().stream().map(Question::id).collect(Collectors.toSet());
		require(domains.keySet().equals(ids), at + "every question, and only they, needs a domain");
		domains.forEach((id, domain) -> require(TECHNICAL.equals(domain) || BUSINESS.equals(domain),
				at + id + " has the unknown domain " + domain));
		for (Step step : questionnaire.steps()) {
			require(step.questionIds().stream().map(domains::get).distinct().count() <= 1,
					at + "step " + step.id() + " mixes technical and business questions");
		}
		for (Question question : questionnaire.questions()) {
			if (question.showWhen() != null) {
				require(domains.get(question.id()).equals(domains.get(question.showWhen().question())),
						at + question.id() + " depends on a question of the other domain");
			}
		}
		require(domains.containsValue(TECHNICAL) && domains.containsValue(BUSINESS),
				at + "both domains need a question");
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalStateException(message);
		}
	}

}
