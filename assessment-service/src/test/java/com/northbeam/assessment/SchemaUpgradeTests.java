package com.northbeam.assessment;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import javax.sql.DataSource;

import com.northbeam.testsupport.PostgresTestConfiguration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database made by the first released schema (versions 1 and 2: questionnaire scoring,
 * submissions with their results and consent, leads, the first price assumptions),
 * holding a real lead, is upgraded by Flyway to the current schema with nothing lost and
 * the new columns empty.
 */
@SpringBootTest(classes = SchemaUpgradeTests.Database.class)
class SchemaUpgradeTests {

	@Autowired
	DataSource dataSource;

	@Test
	void aLeadTakenWithTheFirstSchemaSurvivesEveryMigration() {
		assertThat(flyway("2").migrate().targetSchemaVersion).isEqualTo("2");
		JdbcClient jdbc = JdbcClient.create(dataSource);
		OffsetDateTime at = OffsetDateTime.of(2026, 11, 28, 9, 0, 0, 0, ZoneOffset.UTC);
		UUID submission = UUID.fromString("5b0c3c9e-6a4f-4f0e-9d57-2d1f7c0e8a11");
		UUID lead = UUID.fromString("0e9f8a7b-1c2d-4e3f-8a9b-0c1d2e3f4a5b");
		jdbc.sql("""
				INSERT INTO scoring_rules (version, questionnaire_version, definition, published_at)
				VALUES (1, 1, '{"rules":[]}', ?)""").params(at).update();
		jdbc.sql(
				"""
						INSERT INTO submission (id, questionnaire_version, answers, costs, utm_source, referrer, landing, created_at)
						VALUES (?, 1, '{"employees":"11-50","internal_it":"it_person"}', '{"it_salaries":85000}', 'newsletter',
						    'https://www.example.com/', '/guide', ?)""")
			.params(submission, at)
			.update();
		jdbc.sql("""
				INSERT INTO submission_result (submission_id, rules_version, price_assumptions_version, recommendation,
				    fit_co_managed, fit_fully_managed, fit_hybrid, confidence, priority, body, created_at)
				VALUES (?, 1, 1, 'co_managed', 78, 52, 64, 71, 68, '{"summary":"Co-managed IT fits"}', ?)""")
			.params(submission, at)
			.update();
		jdbc.sql("INSERT INTO consent_record (submission_id, text_version, accepted_at) VALUES (?, '2026-11-v1', ?)")
			.params(submission, at)
			.update();
		jdbc.sql("""
				INSERT INTO lead (id, submission_id, name, email, company, phone, job_role, recommendation, priority,
				    status, owner, source, version, created_at, updated_at)
				VALUES (?, ?, 'Dana Reyes', 'dana@example.com', 'Acme Dental', '+1 555 0100', 'Office manager',
				    'co_managed', 68, 'contacted', 'sam@northbeam.test', 'newsletter', 2, ?, ?)""")
			.params(lead, submission, at, at)
			.update();

		flyway(null).migrate();

		assertThat(jdbc.sql("SELECT name, email, status, owner, lost_reason, erased_at FROM lead WHERE id = ?")
			.params(lead)
			.query()
			.singleRow()).containsEntry("name", "Dana Reyes")
			.containsEntry("email", "dana@example.com")
			.containsEntry("status", "contacted")
			.containsEntry("owner", "sam@northbeam.test")
			.containsEntry("lost_reason", null)
			.containsEntry("erased_at", null);
		assertThat(
				jdbc.sql("SELECT answers FROM submission WHERE id = ?").params(submission).query(String.class).single())
			.contains("\"employees\":\"11-50\"");
		assertThat(jdbc.sql("SELECT recommendation FROM submission_result WHERE submission_id = ?")
			.params(submission)
			.query(String.class)
			.single()).isEqualTo("co_managed");
		assertThat(jdbc.sql("SELECT text_version FROM consent_record").query(String.class).single())
			.isEqualTo("2026-11-v1");
		assertThat(jdbc.sql("SELECT version FROM price_assumptions").query(Integer.class).list()).containsExactly(1);
		// What came later starts empty: no timeline, audit, funnel or notifications for
		// old leads.
		for (String table : new String[] { "lead_event", "audit_entry", "funnel_event", "outbox_event",
				"notification_delivery" }) {
			assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single()).as(table).isZero();
		}
		assertThat(flyway(null).info().pending()).isEmpty();
	}

	private Flyway flyway(String target) {
		var configuration = Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration/common", "classpath:db/migration/postgresql");
		if (target != null) {
			configuration.target(target);
		}
		return configuration.load();
	}

	/** Only a PostgreSQL database of its own: no application, and no Flyway at start. */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ ServiceConnectionAutoConfiguration.class, DataSourceAutoConfiguration.class })
	@Import(PostgresTestConfiguration.class)
	static class Database {

	}

}
