package com.northbeam.gateway.client;

import java.time.Duration;

import com.northbeam.testsupport.FakeHttpServer;
import com.northbeam.testsupport.FakeHttpServer.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AssessmentClientTests {

	private final FakeHttpServer server = new FakeHttpServer();

	@AfterEach
	void stopServer() {
		server.close();
	}

	@Test
	void readsTheCurrentQuestionnaire() {
		server.respond("GET", "/api/questionnaires/current", Response.json("""
				{"version":1,"questions":[{"id":"employees","kind":"single","label":"How many people work here?"},
				{"id":"skills_gaps","kind":"multi","label":"Which skills are missing?"}],"steps":[]}"""));

		AssessmentClient.Questionnaire questionnaire = client().currentQuestionnaire();

		assertThat(questionnaire.version()).isEqualTo(1);
		assertThat(questionnaire.questions()).extracting(AssessmentClient.Question::id)
			.containsExactly("employees", "skills_gaps");
	}

	@Test
	void aSubmissionDeclaresItsLengthAndCarriesAScopedToken() {
		server.respond("POST", "/api/submissions", Response.json("{\"id\":\"6f1c1d5e-6a43-4c39-9a43-1f4f2a1d7e10\"}"));

		client().submit(new AssessmentClient.SubmissionRequest(
				java.util.UUID.fromString("6f1c1d5e-6a43-4c39-9a43-1f4f2a1d7e10"),
				java.util.Map.of("employees", "11-50"), null, null, null, null, null, null, null, null));

		FakeHttpServer.Request request = server.requests().get(0);
		assertThat(request.headers()).containsKey("Content-length").doesNotContainKey("Transfer-encoding");
		assertThat(request.headers().get("Authorization")).containsExactly("Bearer token-submissions:write");
	}

	@Test
	void aFailingServiceIsReportedAsUnavailable() {
		server.respond("GET", "/api/questionnaires/current", Response.status(500));

		assertThatExceptionOfType(ServiceUnavailableException.class).isThrownBy(() -> client().currentQuestionnaire())
			.satisfies((ex) -> assertThat(ex.service()).isEqualTo("assessment-service"));
	}

	@Test
	void aRefusalOfTheGatewaysOwnCallIsTypedWithItsStatus() {
		server.respond("POST", "/api/submissions", Response.status(401));

		assertThatExceptionOfType(ServiceRefusedException.class)
			.isThrownBy(() -> client().submit(new AssessmentClient.SubmissionRequest(java.util.UUID.randomUUID(),
					java.util.Map.of(), null, null, null, null, null, null, null, null)))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(401));
	}

	private AssessmentClient client() {
		return new AssessmentClient(new TestServices("assessment-service", server.baseUrl(), Duration.ofSeconds(2),
				(audience, subject, scopes) -> "token-" + String.join(",", scopes))
			.client(AssessmentApi.class));
	}

}
