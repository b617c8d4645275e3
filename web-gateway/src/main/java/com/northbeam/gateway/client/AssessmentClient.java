package com.northbeam.gateway.client;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The gateway's view of assessment-service: the questionnaire, submissions and leads. */
@Component
public class AssessmentClient {

	private final ServiceCall assessment;

	AssessmentClient(ServiceClientProperties properties, RestClient.Builder builder) {
		this.assessment = new ServiceCall("assessment-service", properties.assessment(), builder);
	}

	/** The questionnaire prospects answer now. */
	public Questionnaire currentQuestionnaire() {
		return assessment.call(
				() -> assessment.rest().get().uri("/api/questionnaires/current").retrieve().body(Questionnaire.class));
	}

	public record Questionnaire(int version, List<Question> questions) {

		public Questionnaire {
			questions = (questions != null) ? List.copyOf(questions) : List.of();
		}

	}

	public record Question(String id, String kind, String label) {
	}

}
