package com.northbeam.assessment.submission;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.northbeam.assessment.cost.CostInputs;
import com.northbeam.assessment.questionnaire.Answers;
import com.northbeam.assessment.questionnaire.Questionnaire;
import com.northbeam.assessment.questionnaire.Questionnaire.CostField;
import com.northbeam.assessment.questionnaire.Questionnaires;
import com.northbeam.assessment.submission.SubmissionRequest.Attribution;
import com.northbeam.assessment.submission.SubmissionRequest.Consent;
import com.northbeam.assessment.submission.SubmissionRequest.Contact;
import com.northbeam.assessment.system.FieldError;
import com.northbeam.assessment.system.InvalidInputException;

import org.springframework.stereotype.Component;

/** Checks a whole submission and reports every offending field at once. */
@Component
class SubmissionValidator {

	// Deliberately simple: one @, no spaces, a dot in the domain. Deliverability is not
	// checkable here.
	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");

	private static final Pattern PHONE = Pattern.compile("^[0-9+()./\\- ]{3,}$");

	static final int MAX_UTM = 200;

	static final int MAX_URL = 2000;

	private final Questionnaires questionnaires;

	SubmissionValidator(Questionnaires questionnaires) {
		this.questionnaires = questionnaires;
	}

	CheckedSubmission check(SubmissionRequest request) {
		List<FieldError> errors = new ArrayList<>();
		Questionnaire questionnaire = (request.questionnaireVersion() != null)
				? this.questionnaires.version(request.questionnaireVersion()).orElse(null)
				: this.questionnaires.current();
		if (questionnaire == null) {
			throw InvalidInputException.of("questionnaireVersion", "is not a published questionnaire version");
		}
		Answers answers = Questionnaires.check(questionnaire, request.answers(), errors);
		CostInputs costs = checkCosts(questionnaire, request.costs(), errors);
		Contact contact = null;
		if (request.defersContact()) {
			if (request.contact() != null) {
				errors.add(new FieldError("contact", "must be absent when contactLater is true"));
			}
			if (request.consent() != null) {
				errors.add(new FieldError("consent", "must be absent when contactLater is true"));
			}
		}
		else {
			contact = checkContact(questionnaire, request.contact(), errors);
			checkConsent(questionnaire, request.consent(), errors);
		}
		Attribution attribution = checkAttribution(request.attribution(), errors);
		Set<Suspicion> screening = checkScreening(request.screening(), errors);
		List<ReadingHistory.Page> reading = ReadingHistory.check(request.readingHistory(), errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		UUID id = (request.id() != null) ? request.id() : UUID.randomUUID();
		return new CheckedSubmission(id, questionnaire, answers, costs, contact,
				(contact != null) ? questionnaire.consent().version() : null, attribution, screening, reading);
	}

	/** The gateway's screening reasons: known codes of what only the gateway can see. */
	private static Set<Suspicion> checkScreening(SubmissionRequest.Screening screening, List<FieldError> errors) {
		Set<Suspicion> reasons = EnumSet.noneOf(Suspicion.class);
		if (screening == null || screening.reasons() == null) {
			return reasons;
		}
		for (String code : screening.reasons()) {
			Suspicion.ofGatewayCode(code)
				.ifPresentOrElse(reasons::add, () -> errors.add(new FieldError("screening.reasons",
						"must hold only " + Suspicion.gatewayCodes() + ", not " + Suspicion.quoted(code))));
		}
		return reasons;
	}

	/**
	 * Checks contact details given after the result, against the questionnaire version
	 * the submission answered (its consent text is the one that must have been shown).
	 */
	Contact checkLateContact(int questionnaireVersion, ContactRequest request, Set<Suspicion> screening) {
		Questionnaire questionnaire = this.questionnaires.version(questionnaireVersion)
			.orElseThrow(() -> new IllegalStateException("Questionnaire version " + questionnaireVersion + " is gone"));
		List<FieldError> errors = new ArrayList<>();
		Contact contact = checkContact(questionnaire, request.contact(), errors);
		checkConsent(questionnaire, request.consent(), errors);
		screening.addAll(checkScreening(request.screening(), errors));
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return contact;
	}

	private static CostInputs checkCosts(Questionnaire questionnaire, CostInputs costs, List<FieldError> errors) {
		if (costs == null) {
			return CostInputs.NONE;
		}
		checkCost(questionnaire, "internal_it_staff", costs.internalItStaff(), errors);
		checkCost(questionnaire, "average_loaded_salary", costs.averageLoadedSalary(), errors);
		checkCost(questionnaire, "tools_spend", costs.toolsSpend(), errors);
		checkCost(questionnaire, "recruiting_training_spend", costs.recruitingTrainingSpend(), errors);
		return costs;
	}

	private static void checkCost(Questionnaire questionnaire, String id, Double value, List<FieldError> errors) {
		CostField field = questionnaire.costField(id).orElse(null);
		if (value == null || field == null) {
			return;
		}
		if (value.isNaN() || value.isInfinite() || value < field.min() || value > field.max()) {
			errors.add(new FieldError("costs." + id,
					"must be a number from " + format(field.min()) + " to " + format(field.max())));
		}
	}

	private static String format(double value) {
		return (value == Math.rint(value)) ? String.valueOf((long) value) : String.valueOf(value);
	}

	private static Contact checkContact(Questionnaire questionnaire, Contact contact, List<FieldError> errors) {
		if (contact == null) {
			errors.add(new FieldError("contact", "is required"));
			return null;
		}
		String name = text(questionnaire, "name", contact.name(), errors);
		String email = text(questionnaire, "email", contact.email(), errors);
		if (email != null && !EMAIL.matcher(email).matches()) {
			errors.add(new FieldError("contact.email", "is not a valid email address"));
		}
		String company = text(questionnaire, "company", contact.company(), errors);
		String phone = text(questionnaire, "phone", contact.phone(), errors);
		if (phone != null && !PHONE.matcher(phone).matches()) {
			errors.add(new FieldError("contact.phone", "may hold only digits, spaces and + ( ) . / -"));
		}
		String role = text(questionnaire, "role", contact.role(), errors);
		return new Contact(name, email, company, phone, role);
	}

	private static String text(Questionnaire questionnaire, String id, String value, List<FieldError> errors) {
		Questionnaire.ContactField field = questionnaire.contactField(id).orElseThrow();
		String trimmed = (value != null) ? value.strip() : "";
		if (trimmed.isEmpty()) {
			if (field.required()) {
				errors.add(new FieldError("contact." + id, "is required"));
			}
			return null;
		}
		if (field.maxLength() != null && trimmed.length() > field.maxLength()) {
			errors.add(new FieldError("contact." + id, "must be at most " + field.maxLength() + " characters"));
			return null;
		}
		if (trimmed.chars().anyMatch(Character::isISOControl)) {
			errors.add(new FieldError("contact." + id, "must not contain control characters"));
			return null;
		}
		return trimmed;
	}

	private static void checkConsent(Questionnaire questionnaire, Consent consent, List<FieldError> errors) {
		if (consent == null || !Boolean.TRUE.equals(consent.accepted())) {
			errors.add(new FieldError("consent.accepted", "must be true: consent to be contacted is required"));
		}
		if (consent == null || consent.textVersion() == null || consent.textVersion().isBlank()) {
			errors.add(new FieldError("consent.textVersion", "is required"));
		}
		else if (!consent.textVersion().equals(questionnaire.consent().version())) {
			errors.add(new FieldError("consent.textVersion",
					"does not match the consent text of questionnaire version " + questionnaire.version()));
		}
	}

	private static Attribution checkAttribution(Attribution attribution, List<FieldError> errors) {
		if (attribution == null) {
			return Attribution.NONE;
		}
		return new Attribution(limited("utm_source", attribution.utmSource(), MAX_UTM, errors),
				limited("utm_medium", attribution.utmMedium(), MAX_UTM, errors),
				limited("utm_campaign", attribution.utmCampaign(), MAX_UTM, errors),
				limited("referrer", attribution.referrer(), MAX_URL, errors),
				limited("landing", attribution.landing(), MAX_URL, errors));
	}

	private static String limited(String field, String value, int max, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.strip();
		if (trimmed.length() > max) {
			errors.add(new FieldError("attribution." + field, "must be at most " + max + " characters"));
			return null;
		}
		if (trimmed.chars().anyMatch(Character::isISOControl)) {
			errors.add(new FieldError("attribution." + field, "must not contain control characters"));
			return null;
		}
		return trimmed;
	}

}
