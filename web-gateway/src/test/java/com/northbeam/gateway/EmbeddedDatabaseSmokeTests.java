package com.northbeam.gateway;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boots the service exactly as {@code ./run.sh} does, on the embedded default database.
 */
@SpringBootTest(
		properties = "spring.datasource.url=jdbc:h2:mem:gateway-smoke;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
@AutoConfigureMockMvc
class EmbeddedDatabaseSmokeTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void startsOnTheEmbeddedDatabaseAndPublishesItsKeys() {
		assertThat(mvc.get().uri("/oauth2/jwks")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.keys.length()")
			.isEqualTo(1);
		assertThat(mvc.get().uri("/readyz")).hasStatusOk();
	}

}
