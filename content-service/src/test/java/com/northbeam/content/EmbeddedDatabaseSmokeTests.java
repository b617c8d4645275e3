package com.northbeam.content;

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
		properties = "spring.datasource.url=jdbc:h2:mem:content-smoke;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
@AutoConfigureMockMvc
class EmbeddedDatabaseSmokeTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void startsOnTheEmbeddedDatabaseAndServesTheGuide() {
		assertThat(mvc.get().uri("/api/articles/co-managed-vs-fully-managed-it")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.title")
			.isEqualTo("Co-Managed IT vs Fully Managed IT");
		assertThat(mvc.get().uri("/readyz")).hasStatusOk();
	}

	@Test
	void searchWorksOnTheEmbeddedDatabase() {
		assertThat(mvc.get().uri("/api/search?q=24/7 monitoring")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.results[0].slug")
			.isEqualTo("co-managed-vs-fully-managed-it");
		assertThat(mvc.get().uri("/api/search?q=co-managed cost")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.results[0].snippetHtml")
			.asString()
			.contains("<mark>");
	}

	@Test
	void listsFaqsAndArticlesOnTheEmbeddedDatabase() {
		assertThat(mvc.get().uri("/api/faqs")).hasStatusOk().bodyJson().extractingPath("$.length()").isEqualTo(5);
		assertThat(mvc.get().uri("/api/articles?size=50")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.totalItems")
			.isEqualTo(7);
	}

}
