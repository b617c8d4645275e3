package com.northbeam.gateway.assessment;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.northbeam.gateway.client.AssessmentClient.ConsentGiven;
import com.northbeam.gateway.client.AssessmentClient.Field;
import com.northbeam.gateway.client.AssessmentClient.Question;
import com.northbeam.gateway.client.AssessmentClient.Questionnaire;
import com.northbeam.gateway.client.AssessmentClient.Step;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Checks answers against the questionnaire the way assessment-service does, so the wizard
 * can put a message next to each field at once, and a submission the gateway queues while
 * the service is down is one the service will accept later.
 */
@Component
class AnswerCheck {

	static final String NONE = "none";

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final Pattern PHONE = Pattern.compile("[0-9 +().\\/-]*");

	private final MessageSource messages;

	AnswerCheck(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * Errors of one step, by form field name (question or field id), in the order shown.
	 */
	Map<String, String> checkStep(Questionnaire questionnaire, Step step, Draft.Data data) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (String id : step.questionIds()) {
			questionnaire.question(id).ifPresent((question) -> checkAnswer(question, data, errors, ""));
		}
		for (String id : step.fieldIds()) {
			DisplayRules.costField(questionnaire, id)
				.ifPresent((field) -> checkCost(field, data.costs().get(id), errors, ""));
			DisplayRules.contactField(questionnaire, id)
				.ifPresent((field) -> checkContact(field, data.contact().get(id), errors, ""));
		}
		return errors;
	}

	/**
	 * Errors of a whole submission, by API field name ({@code answers.employees},
	 * {@code contact.email}...).
	 */
	Map<String, String> checkAll(Questionnaire questionnaire, Draft.Data data, Map<String, Object> rawAnswers,
			ConsentGiven consent) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (String id : rawAnswers.keySet()) {
			if (questionnaire.question(id).isEmpty()) {
				errors.put("answers." + id, text("validation.unknownQuestion"));
			}
		}
		for (Question question : questionnaire.questions()) {
			checkAnswer(question, data, errors, "answers.");
		}
		for (Field field : questionnaire.costFields()) {
			checkCost(field, data.costs().get(field.id()), errors, "costs.");
		}
		for (Field field : questionnaire.contactFields()) {
			if (!SubmissionRequests.CONSENT.equals(field.id())) {
				checkContact(field, data.contact().get(field.id()), errors, "contact.");
			}
		}
		if (consent == null || !consent.accepted()) {
			errors.put("consent.accepted", text("validation.consent"));
		}
		String version = (questionnaire.consent() != null) ? questionnaire.consent().version() : null;
		if (consent == null || consent.textVersion() == null || !consent.textVersion().equals(version)) {
			errors.put("consent.textVersion", text("validation.consentVersion", version));
		}
		return errors;
	}

	/**
	 * Errors of contact details given on their own (after the result), by form field
	 * name.
	 */
	Map<String, String> checkContactDetails(Questionnaire questionnaire, Map<String, String> contact) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (Field field : questionnaire.contactFields()) {
			checkContact(field, contact.get(field.id()), errors, "");
		}
		return errors;
	}

	private void checkAnswer(Question question, Draft.Data data, Map<String, String> errors, String prefix) {
		List<String> codes = data.answer(question.id());
		String name = prefix + question.id();
		if (!DisplayRules.shown(question, data.answers())) {
			return;
		}
		if (codes.isEmpty()) {
			if (question.required()) {
				errors.put(name, text(question.multi() ? "validation.chooseSome" : "validation.chooseOne"));
			}
			return;
		}
		Set<String> distinct = new LinkedHashSet<>(codes);
		boolean allValid = distinct.stream()
			.allMatch((code) -> question.hasOption(code) && !code.equals(question.answerWhenHidden()));
		if (!allValid || (!question.multi() && distinct.size() > 1)) {
			errors.put(name, text("validation.notAnOption"));
		}
		else if (question.multi() && distinct.contains(NONE) && distinct.size() > 1) {
			errors.put(name, text("validation.noneAlone"));
		}
	}

	private void checkCost(Field field, String value, Map<String, String> errors, String prefix) {
		if (value == null || value.isBlank()) {
			if (field.required()) {
				errors.put(prefix + field.id(), text("validation.required"));
			}
			return;
		}
		BigDecimal number = SubmissionRequests.number(value);
		if (number == null) {
			errors.put(prefix + field.id(), text("validation.number"));
		}
		else if ((field.min() != null && number.compareTo(field.min()) < 0)
				|| (field.max() != null && number.compareTo(field.max()) > 0)) {
			errors.put(prefix + field.id(), text("validation.range", plain(field.min()), plain(field.max())));
		}
	}

	private void checkContact(Field field, String value, Map<String, String> errors, String prefix) {
		String name = prefix + field.id();
		if (SubmissionRequests.CONSENT.equals(field.id())) {
			if (!SubmissionRequests.accepted(value)) {
				errors.put(name, text("validation.consent"));
			}
			return;
		}
		if (value == null || value.isBlank()) {
			if (field.required()) {
				errors.put(name, textOr("validation.required." + field.id(), text("validation.required")));
			}
			return;
		}
		if (field.maxLength() != null && value.strip().length() > field.maxLength()) {
			errors.put(name, text("validation.tooLong", field.maxLength()));
		}
		else if ("email".equals(field.id()) && !EMAIL.matcher(value.strip()).matches()) {
			errors.put(name, text("validation.email"));
		}
		else if ("phone".equals(field.id()) && !PHONE.matcher(value.strip()).matches()) {
			errors.put(name, text("validation.phone"));
		}
		else if (value.chars().anyMatch((ch) -> Character.isISOControl(ch))) {
			errors.put(name, text("validation.control"));
		}
	}

	private static String plain(BigDecimal value) {
		return (value != null) ? String.format(Locale.ENGLISH, "%,d", value.longValue()) : "";
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, Locale.ENGLISH);
	}

	private String textOr(String code, String fallback) {
		return messages.getMessage(code, null, fallback, Locale.ENGLISH);
	}

}
