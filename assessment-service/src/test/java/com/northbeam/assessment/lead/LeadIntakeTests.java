package com.northbeam.assessment.lead;

import java.time.Instant;
import java.util.UUID;

import com.northbeam.assessment.AssessmentServiceTest;
import com.northbeam.assessment.submission.SubmissionBodies;
import com.northbeam.testsupport.TestTokenIssuer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@AssessmentServiceTest
@RecordApplicationEvents
class LeadIntakeTests {

	@Autowired
	LeadIntake intake;

	@Autowired
	ApplicationEvents events;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestTokenIssuer tokens;

	@Autowired
	ObjectMapper json;

	@Test
	void aLeadIsCreatedOnlyInTheTransactionThatStoresItsSubmissionsConsent() {
		LeadIntake.NewLead lead = new LeadIntake.NewLead(UUID.randomUUID(), "Dana", "dana@prospect.example",
				"Prospect Works", null, null, "hybrid", 50, "direct", "11-50", Instant.now());
		assertThatIllegalStateException().isThrownBy(() -> this.intake.create(lead));
		assertThat(this.events.stream(LeadEvent.class)).isEmpty();
	}

	@Test
	void aNewLeadIsAnnouncedOnceWithTheOutboxKindItHadBefore() {
		LeadFixtures leads = new LeadFixtures(this.mvc, this.jdbc, this.tokens, this.json);
		UUID submission = leads.submit();
		UUID lead = leads.leadOf(submission);
		assertThat(this.mvc.post()
			.uri("/api/submissions")
			.header(HttpHeaders.AUTHORIZATION, leads.gateway())
			.contentType(MediaType.APPLICATION_JSON)
			.content(SubmissionBodies.valid(submission))).hasStatus(200);
		assertThat(this.events.stream(LeadEvent.class)).singleElement().satisfies((event) -> {
			assertThat(event.kind()).isEqualTo("lead.created");
			assertThat(event.leadId()).isEqualTo(lead);
		});
	}

}
