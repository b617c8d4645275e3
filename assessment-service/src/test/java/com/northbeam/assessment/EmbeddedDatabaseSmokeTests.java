package com.northbeam.assessment;

import java.util.UUID;

import com.northbeam.assessment.submission.SubmissionBodies;
import com.northbeam.testsupport.TestTokenIssuer;
import com.northbeam.testsupport.TokenTestConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Boots the service exactly as {@code ./run.sh} does, on the embedded default database. */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:assessment-smoke;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
@AutoConfigureMockMvc
@Import(TokenTestConfiguration.class)
class EmbeddedDatabaseSmokeTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestTokenIssuer tokens;

	@Test
	void startsOnTheEmbeddedDatabaseAndServesTheQuestionnaire() {
		assertThat(mvc.get().uri("/api/questionnaires/current")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.questions.length()")
			.isEqualTo(13);
		assertThat(mvc.get().uri("/api/questionnaires/1")).hasStatusOk();
		assertThat(mvc.get().uri("/api/questionnaires/99")).hasStatus(404);
		assertThat(mvc.get().uri("/actuator/health/readiness")).hasStatusOk();
	}

	@Test
	void takesSubmissionsOnceOnTheEmbeddedDatabase() {
		UUID id = UUID.randomUUID();
		String token = "Bearer " + tokens.token("gateway", "submissions:write", "submissions:read");
		assertThat(mvc.post()
			.uri("/api/submissions")
			.header(HttpHeaders.AUTHORIZATION, token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(SubmissionBodies.valid(id))).hasStatus(201);
		assertThat(mvc.post()
			.uri("/api/submissions")
			.header(HttpHeaders.AUTHORIZATION, token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(SubmissionBodies.valid(id))).hasStatus(200);
		assertThat(mvc.get().uri("/api/submissions/{id}", id).header(HttpHeaders.AUTHORIZATION, token)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.id")
			.isEqualTo(id.toString());
	}

}
