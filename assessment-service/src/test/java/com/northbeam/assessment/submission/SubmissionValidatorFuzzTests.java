package com.northbeam.assessment.submission;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.northbeam.assessment.questionnaire.Questionnaires;
import com.northbeam.assessment.submission.SubmissionRequest.Contact;
import com.northbeam.assessment.system.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any request body, parsed as the controller parses it, is either refused by the JSON
 * reader, refused by {@link SubmissionValidator} with named fields, or accepted with
 * contact details and attribution that hold no control character (so no CR/LF or NUL can
 * reach a mail header or the database), cost figures within their bounds and pages read
 * at times a timestamp column holds. Nothing else may escape. Runs over the committed
 * seeds in {@code ./mvnw verify}; fuzzes with {@code -Pfuzz}.
 */
class SubmissionValidatorFuzzTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final SubmissionValidator VALIDATOR = new SubmissionValidator(
			new Questionnaires(Questionnaires.load(List.of("classpath*:questionnaire/v*.json"), JSON)));

	@FuzzTest(maxDuration = "5m")
	void submissionBodies(byte[] data) {
		SubmissionRequest request;
		try {
			request = JSON.readValue(new String(data, StandardCharsets.UTF_8), SubmissionRequest.class);
		}
		catch (JacksonException ex) {
			return;
		}
		if (request == null) {
			return;
		}
		try {
			CheckedSubmission checked = VALIDATOR.check(request);
			assertAcceptable(checked.contact());
			SubmissionRequest.Attribution attribution = checked.attribution();
			assertThat(Stream.of(attribution.utmSource(), attribution.utmMedium(), attribution.utmCampaign(),
					attribution.referrer(), attribution.landing()))
				.allSatisfy((text) -> assertThat(text == null || text.chars().noneMatch(Character::isISOControl))
					.as("no control characters in %s", text)
					.isTrue());
			assertThat(Stream.of(checked.costs().internalItStaff(), checked.costs().averageLoadedSalary(),
					checked.costs().toolsSpend(), checked.costs().recruitingTrainingSpend()))
				.allSatisfy((cost) -> assertThat(cost == null || (Double.isFinite(cost) && cost >= 0)).isTrue());
			assertThat(checked.readingHistory()).allSatisfy(
					(page) -> assertThat(page.viewedAt()).isBetween(ReadingHistory.EARLIEST, ReadingHistory.LATEST));
		}
		catch (InvalidInputException ex) {
			assertNamed(ex);
		}
		if (request.contact() != null || request.consent() != null) {
			try {
				assertAcceptable(VALIDATOR.checkLateContact(1,
						new ContactRequest(request.contact(), request.consent(), request.screening()),
						EnumSet.noneOf(Suspicion.class)));
			}
			catch (InvalidInputException ex) {
				assertNamed(ex);
			}
		}
	}

	private static void assertAcceptable(Contact contact) {
		if (contact == null) {
			return;
		}
		assertThat(Stream.of(contact.name(), contact.email(), contact.company(), contact.phone(), contact.role()))
			.allSatisfy((text) -> assertThat(text == null || text.chars().noneMatch(Character::isISOControl))
				.as("no control characters in %s", text)
				.isTrue());
		assertThat(contact.email()).contains("@");
	}

	private static void assertNamed(InvalidInputException ex) {
		assertThat(ex.errors()).isNotEmpty()
			.allSatisfy((error) -> assertThat(error.field()).isNotBlank())
			.allSatisfy((error) -> assertThat(error.message()).isNotBlank());
	}

}
