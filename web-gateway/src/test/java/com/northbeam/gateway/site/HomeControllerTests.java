package com.northbeam.gateway.site;

import java.time.Duration;

import com.northbeam.gateway.FakeServicesConfiguration;
import com.northbeam.gateway.client.CurrentQuestionnaire;
import com.northbeam.testsupport.FakeHttpServer;
import com.northbeam.testsupport.FakeHttpServer.Response;
import com.northbeam.testsupport.PostgresTestConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@AutoConfigureMockMvc
@Import({ PostgresTestConfiguration.class, FakeServicesConfiguration.class })
class HomeControllerTests {

	private static final String GUIDE_PATH = "/api/articles/co-managed-vs-fully-managed-it";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	@Qualifier("content")
	FakeHttpServer content;

	@Autowired
	@Qualifier("assessment")
	FakeHttpServer assessment;

	@Autowired
	SiteContent siteContent;

	@Autowired
	CurrentQuestionnaire questionnaire;

	@BeforeEach
	void servicesAnswer() {
		siteContent.evictAll();
		questionnaire.evict();
		content.respond("GET", GUIDE_PATH, Response.json("""
				{"slug":"co-managed-vs-fully-managed-it","title":"Co-Managed IT vs Fully Managed IT",
				 "summary":"How much of your IT should stay in-house?","html":"<p>Body</p>"}"""));
		assessment.respond("GET", "/api/questionnaires/current", Response.json("""
				{"version":1,"questions":[{"id":"employees"},{"id":"internal_it"},{"id":"growth"}]}"""));
	}

	@Test
	void showsTheGuideFromContentServiceAndTheQuestionCountFromAssessmentService() {
		assertThat(mvc.get().uri("/")).hasStatusOk()
			.bodyText()
			.contains("Co-Managed IT vs Fully Managed IT", "How much of your IT should stay in-house?", "3 questions",
					"href=\"/articles/co-managed-vs-fully-managed-it\"");
	}

	@Test
	void theQuestionCountComesFromTheCachedQuestionnaireNotACallPerView() {
		assertThat(mvc.get().uri("/")).bodyText().contains("3 questions");
		long calls = questionnaireCalls();
		assertThat(mvc.get().uri("/")).bodyText().contains("3 questions");
		assertThat(mvc.get().uri("/")).bodyText().contains("3 questions");
		assertThat(questionnaireCalls()).isEqualTo(calls);
	}

	private long questionnaireCalls() {
		return assessment.requests().stream().filter((r) -> r.path().equals("/api/questionnaires/current")).count();
	}

	@Test
	void aHangingContentServiceGivesAClearMessageWithinTheTimeout() {
		content.respond("GET", GUIDE_PATH, Response.json("{}").delayedBy(Duration.ofSeconds(8)));

		long started = System.nanoTime();
		assertThat(mvc.get().uri("/")).hasStatusOk()
			.bodyText()
			.contains("The guide is temporarily unavailable", "3 questions")
			.doesNotContain("Exception");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void aFailingAssessmentServiceStillShowsTheGuide() {
		assessment.respond("GET", "/api/questionnaires/current", Response.status(503));

		assertThat(mvc.get().uri("/")).hasStatusOk()
			.bodyText()
			.contains("Co-Managed IT vs Fully Managed IT", "The self-assessment is temporarily unavailable");
	}

	@Test
	void pagesCarryTheBrowserSecurityHeaders() {
		assertThat(mvc.get().uri("/")).hasStatusOk()
			.headers()
			.containsHeaders("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy",
					"Permissions-Policy");
	}

}
