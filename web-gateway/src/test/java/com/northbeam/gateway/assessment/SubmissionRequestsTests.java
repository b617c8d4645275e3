package com.northbeam.gateway.assessment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.northbeam.gateway.client.AssessmentClient.Attribution;
import com.northbeam.gateway.client.AssessmentClient.SubmissionRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SubmissionRequestsTests {

	@Test
	void numbersAreReadAsPeopleTypeThem() {
		assertThat(SubmissionRequests.number(" 85,000 ")).isEqualByComparingTo(new BigDecimal("85000"));
		assertThat(SubmissionRequests.number("85_000")).isEqualByComparingTo(new BigDecimal("85000"));
		assertThat(SubmissionRequests.number("lots")).isNull();
	}

	@Test
	void theConsentBoxIsKeptAsTrueOrEmpty() {
		assertThat(SubmissionRequests.contactValue(SubmissionRequests.CONSENT, "on")).isEqualTo("true");
		assertThat(SubmissionRequests.contactValue(SubmissionRequests.CONSENT, null)).isEmpty();
		assertThat(SubmissionRequests.contactValue("name", null)).isEmpty();
	}

	@Test
	void rawApiAnswersThatAreNoCodesBecomeInvalid() {
		Map<String, List<String>> codes = SubmissionRequests.codes(Map.of("a", "x", "b", List.of("y", 1), "c", 2));
		assertThat(codes.get("a")).containsExactly("x");
		assertThat(codes.get("b")).containsExactly("y", "\u0000invalid");
		assertThat(codes.get("c")).containsExactly("\u0000invalid");
	}

	@Test
	void onlyAnswersToShownQuestionsAreSentAndContactWaitsWhenItComesLater() {
		Draft.Data data = new Draft.Data(Map.of("internal_it", List.of("none"), "team_size", List.of("small")),
				Map.of(), Map.of("email", "pat@example.com"));
		UUID id = UUID.randomUUID();
		SubmissionRequest request = SubmissionRequests.toRequest(DisplayRulesTests.QUESTIONNAIRE, id, data,
				Attribution.NONE, true);
		assertThat(request.answers()).containsExactly(Map.entry("internal_it", "none"));
		assertThat(request.contact()).isNull();
		assertThat(request.contactLater()).isTrue();
	}

}
