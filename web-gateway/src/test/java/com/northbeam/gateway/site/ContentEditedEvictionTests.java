package com.northbeam.gateway.site;

import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.gateway.Fixtures;
import com.northbeam.gateway.client.ContentEditingClient.ContentEdited;
import com.northbeam.testsupport.FakeHttpServer;
import com.northbeam.testsupport.FakeHttpServer.Response;
import com.northbeam.testsupport.PostgresTestConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class ContentEditedEvictionTests {

	private static final String GUIDE = "/articles/co-managed-vs-fully-managed-it";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	@Qualifier("content")
	FakeHttpServer content;

	@Test
	void anEditorsChangeReplacesTheCachedAndRenderedPageAtOnce() {
		content.respond("GET", "/api" + GUIDE, Response.json(Fixtures.guide()));
		assertThat(mvc.get().uri(GUIDE)).hasStatusOk().bodyText().contains("Co-Managed IT vs Fully Managed IT");
		content.respond("GET", "/api" + GUIDE,
				Response.json(Fixtures.guide().replace("Co-Managed IT vs Fully Managed IT", "Edited Guide Title")));
		assertThat(mvc.get().uri(GUIDE)).bodyText().doesNotContain("Edited Guide Title");

		events.publishEvent(new ContentEdited("article 1"));

		assertThat(mvc.get().uri(GUIDE)).hasStatusOk().bodyText().contains("Edited Guide Title");
	}

}
