package com.northbeam.gateway.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.northbeam.gateway.client.AssessmentClient.Attribution;
import com.northbeam.gateway.client.AssessmentClient.ConsentGiven;
import com.northbeam.gateway.client.AssessmentClient.Contact;
import com.northbeam.gateway.client.AssessmentClient.ContactDetails;
import com.northbeam.gateway.client.AssessmentClient.Question;
import com.northbeam.gateway.client.AssessmentClient.Questionnaire;
import com.northbeam.gateway.client.AssessmentClient.SubmissionRequest;
import com.northbeam.gateway.client.PageRead;
import com.northbeam.gateway.client.SubmissionScreening;

/**
 * Answers as a draft keeps them (from the wizard's form or the JSON API) and as
 * assessment-service receives them.
 */
final class SubmissionRequests {

	/** The id of the consent box among the contact fields. */
	static final String CONSENT = "consent";

	private SubmissionRequests() {
	}

	/**
	 * The submission the service receives: answers to shown questions only, numbers as
	 * numbers. With {@code contactLater} it carries no contact details and no consent:
	 * those come after the result, through {@link #toContactDetails}.
	 */
	static SubmissionRequest toRequest(Questionnaire questionnaire, UUID id, Draft.Data data, Attribution attribution,
			boolean contactLater) {
		Map<String, Object> answers = new LinkedHashMap<>();
		for (Question question : questionnaire.questions()) {
			List<String> codes = data.answer(question.id());
			if (!DisplayRules.shown(question, data.answers()) || codes.isEmpty()) {
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
			return new SubmissionRequest(id, answers, costs.isEmpty() ? null : costs, null, null, attribution, true,
					null, null, null);
		}
		ContactDetails details = toContactDetails(questionnaire, data.contact());
		return new SubmissionRequest(id, answers, costs.isEmpty() ? null : costs, details.contact(), details.consent(),
				attribution, null, null, null, null);
	}

	/** The same submission with the reasons it looks automated; none leaves it as is. */
	static SubmissionRequest screened(SubmissionRequest r, Collection<String> reasons) {
		return new SubmissionRequest(r.id(), r.answers(), r.costs(), r.contact(), r.consent(), r.attribution(),
				r.contactLater(), SubmissionScreening.of(reasons), r.readingHistory(), r.retake());
	}

	/** The same submission with the pages read before it; none leaves it as is. */
	static SubmissionRequest withReadingHistory(SubmissionRequest r, List<PageRead> pages) {
		return pages.isEmpty() ? r : new SubmissionRequest(r.id(), r.answers(), r.costs(), r.contact(), r.consent(),
				r.attribution(), r.contactLater(), r.screening(), List.copyOf(pages), r.retake());
	}

	/**
	 * The same submission as a retake: with its reference, and its lead's contact
	 * details.
	 */
	static SubmissionRequest retake(SubmissionRequest r, String reference) {
		return new SubmissionRequest(r.id(), r.answers(), r.costs(), null, null, r.attribution(), true, r.screening(),
				r.readingHistory(), reference);
	}

	/**
	 * Contact details and consent (to the questionnaire's consent text) as the service
	 * receives them.
	 */
	static ContactDetails toContactDetails(Questionnaire questionnaire, Map<String, String> c) {
		Contact contact = new Contact(blankToNull(c.get("name")), blankToNull(c.get("email")),
				blankToNull(c.get("company")), blankToNull(c.get("phone")), blankToNull(c.get("role")));
		String version = (questionnaire.consent() != null) ? questionnaire.consent().version() : null;
		return new ContactDetails(contact, new ConsentGiven(accepted(c.get(CONSENT)), version), null);
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

	/** A number as people type it: "85,000" and "85000" both work. */
	static BigDecimal number(String value) {
		try {
			return new BigDecimal(value.strip().replace(",", "").replace("_", ""));
		}
		catch (NumberFormatException ex) {
			return null;
		}
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

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
