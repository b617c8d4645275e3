package com.northbeam.assessment.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.northbeam.assessment.AssessmentServiceTest;
import com.northbeam.assessment.lead.LeadFixtures;
import com.northbeam.assessment.lead.LeadPrivacy;
import com.northbeam.testsupport.TestTokenIssuer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@AssessmentServiceTest
class RetentionJobTests {

	@Autowired
	LeadPrivacy leadService;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestTokenIssuer tokens;

	@Autowired
	ObjectMapper json;

	private boolean erased(UUID lead) {
		return jdbc.sql("select erased_at is not null from lead where id = :id")
			.param("id", lead)
			.query(Boolean.class)
			.single();
	}

	private int erasures(UUID lead) {
		return jdbc.sql(
				"select count(*) from audit_entry where lead_id = :id and action = 'lead.erased' and actor = 'system:retention'")
			.param("id", lead)
			.query(Integer.class)
			.single();
	}

	@Test
	void leadsUntouchedForLongerThanTheRetentionPeriodAreAnonymisedAsTheClockMoves() {
		LeadFixtures leads = new LeadFixtures(mvc, jdbc, tokens, json);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		UUID ancient = leads.insert("Old Name", "Old Co", "old@x.example", 10, "lost", "hybrid",
				now.minus(Duration.ofDays(800)));
		UUID older = leads.insert("Older Name", "Older Co", "older@x.example", 10, "new", "hybrid",
				now.minus(Duration.ofDays(300)));
		UUID touched = leads.insert("Kept Name", "Kept Co", "kept@x.example", 10, "new", "hybrid",
				now.minus(Duration.ofDays(800)));
		jdbc.sql("update lead set updated_at = :at where id = :id")
			.param("at", now.minus(Duration.ofDays(10)).atOffset(ZoneOffset.UTC))
			.param("id", touched)
			.update();
		PrivacyProperties properties = new PrivacyProperties(Duration.ofDays(365), Duration.ofHours(1), 2);

		new RetentionJob(leadService, properties, Clock.fixed(now, ZoneOffset.UTC)).run();
		assertThat(erased(ancient)).isTrue();
		assertThat(erased(older)).isFalse();
		assertThat(erased(touched)).isFalse();
		assertThat(jdbc.sql("select name from lead where id = :id").param("id", ancient).query(String.class).single())
			.isEqualTo("[erased]");

		new RetentionJob(leadService, properties, Clock.fixed(now.plus(Duration.ofDays(100)), ZoneOffset.UTC)).run();
		assertThat(erased(older)).isTrue();
		assertThat(erased(touched)).isFalse();
		assertThat(erasures(ancient)).isEqualTo(1);
		assertThat(erasures(older)).isEqualTo(1);
	}

	@Test
	void replicasRunningTheJobAtOnceEraseEachLeadOnce() throws Exception {
		LeadFixtures leads = new LeadFixtures(mvc, jdbc, tokens, json);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		List<UUID> old = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			old.add(leads.insert("N" + i, "C", "e" + i + "@x.example", 10, "new", "hybrid",
					now.minus(Duration.ofDays(900))));
		}
		PrivacyProperties properties = new PrivacyProperties(Duration.ofDays(365), Duration.ofHours(1), 3);
		ExecutorService pool = Executors.newFixedThreadPool(3);
		try {
			List<Callable<Integer>> jobs = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				jobs.add(() -> new RetentionJob(leadService, properties, Clock.fixed(now, ZoneOffset.UTC)).run());
			}
			int total = 0;
			for (Future<Integer> erased : pool.invokeAll(jobs)) {
				total += erased.get();
			}
			assertThat(total).isGreaterThanOrEqualTo(30);
		}
		finally {
			pool.shutdownNow();
		}
		for (UUID lead : old) {
			assertThat(erased(lead)).isTrue();
			assertThat(erasures(lead)).isEqualTo(1);
		}
	}

}
