package com.northbeam.assessment.questionnaire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.northbeam.assessment.questionnaire.Questionnaire.Question;
import com.northbeam.assessment.questionnaire.Questionnaire.Step;
import com.northbeam.assessment.system.AssessmentProperties;
import com.northbeam.assessment.system.FieldError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The published questionnaire versions, read and checked once at start-up, and the
 * checking of answers against one of them. This is the questionnaire feature's face to
 * the rest of the service.
 */
@Component
public class Questionnaires {

	static final int MAX_CODE_LENGTH = 64;

	private final TreeMap<Integer, Questionnaire> versions = new TreeMap<>();

	@Autowired
	Questionnaires(AssessmentProperties properties, ObjectMapper json) {
		this(load(properties.questionnaire().locations(), json));
	}

	/** Builds the catalogue from already parsed definitions (each checked). */
	public Questionnaires(Collection<Questionnaire> definitions) {
		for (Questionnaire questionnaire : definitions) {
			verify(questionnaire);
			if (this.versions.put(questionnaire.version(), questionnaire) != null) {
				throw new IllegalStateException(
						"Questionnaire version " + questionnaire.version() + " is defined twice");
			}
		}
		if (this.versions.isEmpty()) {
			throw new IllegalStateException("No questionnaire version is published");
		}
	}

	/** Reads every definition matching the given resource patterns. */
	public static List<Questionnaire> load(List<String> locations, ObjectMapper json) {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		List<Questionnaire> definitions = new ArrayList<>();
		try {
			for (String location : locations) {
				for (Resource resource : resolver.getResources(location)) {
					try (InputStream in = resource.getInputStream()) {
						definitions.add(json.readValue(in, Questionnaire.class));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return definitions;
	}

	public Questionnaire current() {
		return this.versions.lastEntry().getValue();
	}

	public Optional<Questionnaire> version(int version) {
		return Optional.ofNullable(this.versions.get(version));
	}

	public Set<Integer> versions() {
		return this.versions.navigableKeySet();
	}

	/**
	 * Checks raw answers (question id to a code or an array of codes) against
	 * {@code questionnaire}, adding an error per offending question under
	 * {@code answers.<id>}; hidden questions get their automatic answer.
	 */
	public static Answers check(Questionnaire questionnaire, JsonNode raw, List<FieldError> errors) {
		Map<String, List<String>> values = new LinkedHashMap<>();
		if (raw == null || raw.isNull() || raw.isMissingNode()) {
			errors.add(new FieldError("answers", "are required"));
			return new Answers(questionnaire.version(), values);
		}
		if (!raw.isObject()) {
			errors.add(new FieldError("answers", "must map question ids to codes"));
			return new Answers(questionnaire.version(), values);
		}
		if (raw.size() > questionnaire.questions().size() * 2) {
			errors.add(new FieldError("answers", "hold far more entries than there are questions"));
			return new Answers(questionnaire.version(), values);
		}
		for (String id : raw.propertyNames()) {
			if (questionnaire.question(id).isEmpty()) {
				errors.add(new FieldError("answers." + shorten(id),
						"is not a question of questionnaire version " + questionnaire.version()));
			}
		}
		for (Question question : questionnaire.questions()) {
			String field = "answers." + question.id();
			JsonNode value = raw.get(question.id());
			boolean absent = value == null || value.isNull() || (value.isArray() && value.isEmpty())
					|| (value.isString() && value.asString().isEmpty());
			if (!isShown(question, values)) {
				if (!absent && !matchesHiddenAnswer(question, value)) {
					errors.add(new FieldError(field, "is not asked with the answers given and must be left out"));
				}
				values.put(question.id(), List.of(question.answerWhenHidden()));
				continue;
			}
			if (absent) {
				if (question.required()) {
					errors.add(new FieldError(field, "is required"));
				}
				continue;
			}
			List<String> codes = codes(question, value, field, errors);
			if (codes != null) {
				values.put(question.id(), codes);
			}
		}
		return new Answers(questionnaire.version(), values);
	}

	private static boolean isShown(Question question, Map<String, List<String>> earlier) {
		if (question.showWhen() == null) {
			return true;
		}
		for (String code : earlier.getOrDefault(question.showWhen().question(), List.of())) {
			if (question.showWhen().anyOf().contains(code)) {
				return true;
			}
		}
		return false;
	}

	private static boolean matchesHiddenAnswer(Question question, JsonNode value) {
		String hidden = question.answerWhenHidden();
		return (value.isString() && value.asString().equals(hidden)) || (value.isArray() && value.size() == 1
				&& value.get(0).isString() && value.get(0).asString().equals(hidden));
	}

	private static List<String> codes(Question question, JsonNode value, String field, List<FieldError> errors) {
		List<String> codes = new ArrayList<>();
		if (value.isString()) {
			codes.add(value.asString());
		}
		else if (value.isArray() && question.multi()) {
			if (value.size() > question.options().size()) {
				errors.add(new FieldError(field, "has more codes than the question has options"));
				return null;
			}
			for (JsonNode element : value) {
				if (!element.isString()) {
					errors.add(new FieldError(field, "must list option codes as strings"));
					return null;
				}
				codes.add(element.asString());
			}
		}
		else {
			errors.add(new FieldError(field, question.multi() ? "must be an option code or an array of option codes"
					: "must be one option code"));
			return null;
		}
		Set<String> distinct = new LinkedHashSet<>();
		for (String code : codes) {
			if (code.length() > MAX_CODE_LENGTH) {
				errors.add(new FieldError(field, "holds a code that is too long"));
				return null;
			}
			if (!question.hasOption(code) || code.equals(question.answerWhenHidden())) {
				errors.add(new FieldError(field, "'" + code + "' is not an option of this question"));
				return null;
			}
			distinct.add(code);
		}
		if (question.multi() && distinct.contains(Question.NONE) && distinct.size() > 1) {
			errors.add(new FieldError(field, "'none' cannot be combined with other codes"));
			return null;
		}
		return List.copyOf(distinct);
	}

	private static String shorten(String id) {
		return (id.length() > MAX_CODE_LENGTH) ? id.substring(0, MAX_CODE_LENGTH) + "…" : id;
	}

	private static void verify(Questionnaire questionnaire) {
		String at = "Questionnaire version " + questionnaire.version() + ": ";
		require(questionnaire.version() > 0, at + "version must be positive");
		require(questionnaire.consent() != null && notBlank(questionnaire.consent().version())
				&& notBlank(questionnaire.consent().text()), at + "consent version and text are required");
		Set<String> ids = new HashSet<>();
		Set<String> seen = new HashSet<>();
		for (Question question : questionnaire.questions()) {
			require(ids.add(question.id()), at + "question " + question.id() + " is defined twice");
			require(Question.SINGLE.equals(question.kind()) || Question.MULTI.equals(question.kind()),
					at + question.id() + " has unknown kind " + question.kind());
			require(notBlank(question.label()), at + question.id() + " needs a label");
			require(!question.options().isEmpty(), at + question.id() + " needs options");
			Set<String> codes = new HashSet<>();
			question.options()
				.forEach((option) -> require(codes.add(option.code()) && notBlank(option.label()),
						at + question.id() + " has a duplicate or unlabelled option " + option.code()));
			if (question.showWhen() != null) {
				Question condition = questionnaire.question(question.showWhen().question())
					.orElseThrow(
							() -> new IllegalStateException(at + question.id() + " depends on an unknown question"));
				require(seen.contains(condition.id()) && !condition.multi(),
						at + question.id() + " must depend on an earlier single-choice question");
				question.showWhen()
					.anyOf()
					.forEach((code) -> require(condition.hasOption(code),
							at + question.id() + " depends on unknown code " + code));
				require(question.answerWhenHidden() != null && question.hasOption(question.answerWhenHidden()),
						at + question.id() + " needs a valid automatic answer for when it is hidden");
			}
			seen.add(question.id());
		}
		Set<String> fields = new HashSet<>();
		questionnaire.costFields()
			.forEach((field) -> require(fields.add(field.id()), at + "field " + field.id() + " twice"));
		questionnaire.contactFields()
			.forEach((field) -> require(fields.add(field.id()), at + "field " + field.id() + " twice"));
		Set<String> placedQuestions = new HashSet<>();
		Set<String> placedFields = new HashSet<>();
		for (Step step : questionnaire.steps()) {
			step.questionIds()
				.forEach((id) -> require(ids.contains(id) && placedQuestions.add(id),
						at + "step " + step.id() + " lists unknown or repeated question " + id));
			step.fieldIds()
				.forEach((id) -> require(fields.contains(id) && placedFields.add(id),
						at + "step " + step.id() + " lists unknown or repeated field " + id));
		}
		require(placedQuestions.equals(ids), at + "every question must be in exactly one step");
		require(placedFields.equals(fields), at + "every field must be in exactly one step");
	}

	private static boolean notBlank(String value) {
		return value != null && !value.isBlank();
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalStateException(message);
		}
	}

}
