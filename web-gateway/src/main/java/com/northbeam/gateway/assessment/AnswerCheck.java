package com.northbeam.gateway.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.northbeam.gateway.client.AssessmentClient.Attribution;
import com.northbeam.gateway.client.AssessmentClient.ConsentGiven;
import com.northbeam.gateway.client.AssessmentClient.Contact;
import com.northbeam.gateway.client.AssessmentClient.ContactDetails;
import com.northbeam.gateway.client.AssessmentClient.Field;
import com.northbeam.gateway.client.AssessmentClient.Question;
import com.northbeam.gateway.client.AssessmentClient.Questionnaire;
import com.northbeam.gateway.client.AssessmentClient.Step;
import com.northbeam.gateway.client.AssessmentClient.SubmissionRequest;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Checks answers against the questionnaire the way assessment-service does, so the wizard
 * can put a message next to each field at once, and a submission the gateway queues while
 * the service is down is one the service will accept later. Also applies the display
 * rules.
 */
@Component
class AnswerCheck {

	static final String CONSENT = "consent";

	static final String NONE = "none";

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final Pattern PHONE = Pattern.compile("[0-9 +().\\/-]*");

	private final MessageSource messages;

	AnswerCheck(MessageSource messages) {
		this.messages = messages;
	}

	/** Whether a question is asked, given the answers so far. */
	static boolean shown(Question question, Map<String, List<String>> answers) {
		if (question.showWhen() == null || question.showWhen().question() == null) {
			return true;
		}
		return answers.getOrDefault(question.showWhen().question(), List.of())
			.stream()
			.anyMatch(question.showWhen().anyOf()::contains);
	}

	/**
	 * The options a visitor may pick: the answer implied when the question is hidden is
	 * not one.
	 */
	static List<com.northbeam.gateway.client.AssessmentClient.Option> choices(Question question) {
		return question.options()
			.stream()
			.filter((option) -> !option.code().equals(question.answerWhenHidden()))
			.toList();
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
			costField(questionnaire, id).ifPresent((field) -> checkCost(field, data.costs().get(id), errors, ""));
			contactField(questionnaire, id)
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
			if (!CONSENT.equals(field.id())) {
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
	 * The submission the service receives: answers to shown questions only, numbers as
	 * numbers. With {@code contactLater} it carries no contact details and no consent:
	 * those come after the result, through {@link #toContactDetails}.
	 */
	SubmissionRequest toRequest(Questionnaire questionnaire, UUID id, Draft.Data data, Attribution attribution,
			boolean contactLater) {
		Map<String, Object> answers = new LinkedHashMap<>();
		for (Question question : questionnaire.questions()) {
			List<String> codes = data.answer(question.id());
			if (!shown(question, data.answers()) || codes.isEmpty()) {
				continue;
			}
			answers.put(question.id(), question.multi() ? List.copyOf(codes) : codes.get(0));
		}
		Map<String, BigDecimal> costs = new LinkedHashMap<>();
		data.costs().forEach((key, value) -> {
			if (value != null && !value.isBlank()) {
				costs.put(key, number(value));
			}
		});
		if (contactLater) {
			return new SubmissionRequest(id, answers, costs.isEmpty() ? null : costs, null, null, attribution, true);
		}
		ContactDetails details = toContactDetails(questionnaire, data.contact());
		return new SubmissionRequest(id, answers, costs.isEmpty() ? null : costs, details.contact(), details.consent(),
				attribution, null);
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

	/**
	 * Contact details and consent (to the questionnaire's consent text) as the service
	 * receives them.
	 */
	static ContactDetails toContactDetails(Questionnaire questionnaire, Map<String, String> c) {
		Contact contact = new Contact(blankToNull(c.get("name")), blankToNull(c.get("email")),
				blankToNull(c.get("company")), blankToNull(c.get("phone")), blankToNull(c.get("role")));
		String version = (questionnaire.consent() != null) ? questionnaire.consent().version() : null;
		return new ContactDetails(contact, new ConsentGiven(accepted(c.get(CONSENT)), version));
	}

	/**
	 * The steps the wizard shows: all of them, or all but the contact step when it comes
	 * after the result.
	 */
	static List<Step> wizardSteps(Questionnaire questionnaire, boolean contactAfterResult) {
		if (!contactAfterResult) {
			return questionnaire.steps();
		}
		return questionnaire.steps()
			.stream()
			.filter((step) -> step.fieldIds().stream().noneMatch((id) -> contactField(questionnaire, id).isPresent()))
			.toList();
	}

	static boolean accepted(String value) {
		return "true".equals(value) || "on".equals(value);
	}

	/**
	 * A posted contact field as a draft keeps it: the consent box as {@code "true"} or
	 * empty.
	 */
	static String contactValue(String fieldId, String posted) {
		if (CONSENT.equals(fieldId)) {
			return accepted(posted) ? "true" : "";
		}
		return (posted != null) ? posted : "";
	}

	static Optional<Field> costField(Questionnaire questionnaire, String id) {
		return questionnaire.costFields().stream().filter((field) -> field.id().equals(id)).findFirst();
	}

	static Optional<Field> contactField(Questionnaire questionnaire, String id) {
		return questionnaire.contactFields().stream().filter((field) -> field.id().equals(id)).findFirst();
	}

	private void checkAnswer(Question question, Draft.Data data, Map<String, String> errors, String prefix) {
		List<String> codes = data.answer(question.id());
		String name = prefix + question.id();
		if (!shown(question, data.answers())) {
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
		BigDecimal number = number(value);
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
		if (CONSENT.equals(field.id())) {
			if (!accepted(value)) {
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

	/** A number as people type it: "85,000" and "85000" both work. */
	static BigDecimal number(String value) {
		try {
			return new BigDecimal(value.strip().replace(",", "").replace("_", ""));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static String plain(BigDecimal value) {
		return (value != null) ? String.format(Locale.ENGLISH, "%,d", value.longValue()) : "";
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, Locale.ENGLISH);
	}

	private String textOr(String code, String fallback) {
		return messages.getMessage(code, null, fallback, Locale.ENGLISH);
	}

	/**
	 * The API's raw answers as lists of codes; anything that is not a code or list of
	 * codes becomes invalid.
	 */
	static Map<String, List<String>> codes(Map<String, Object> raw) {
		Map<String, List<String>> answers = new LinkedHashMap<>();
		raw.forEach((id, value) -> {
			if (value instanceof String code) {
				answers.put(id, code.isEmpty() ? List.of() : List.of(code));
			}
			else if (value instanceof List<?> list) {
				List<String> codes = new ArrayList<>();
				for (Object element : list) {
					codes.add((element instanceof String code) ? code : "\u0000invalid");
				}
				answers.put(id, codes);
			}
			else if (value != null) {
				answers.put(id, List.of("\u0000invalid"));
			}
		});
		return answers;
	}

}
