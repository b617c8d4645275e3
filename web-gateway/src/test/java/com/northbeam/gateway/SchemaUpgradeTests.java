package com.northbeam.gateway;

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
 * A database made by the first released schema of the gateway (versions 1 to 4 and 10:
 * drafts, the queue of outbound requests, reading picks, staff accounts and sign-in
 * attempts), holding real rows, is upgraded by Flyway to the current schema with nothing
 * lost but what the privacy rules say: delivered queue rows lose their payload.
 */
@SpringBootTest(classes = SchemaUpgradeTests.Database.class)
class SchemaUpgradeTests {

	private static final String PAYLOAD = """
			{"id":"%s","answers":{"employees":"11-50"},"contact":{"name":"Dana Reyes","email":"dana@example.com",
			 "phone":"+1 555 0100"}}""";

	@Autowired
	DataSource dataSource;

	@Test
	void rowsOfTheFirstSchemaSurviveEveryMigrationAndDeliveredPayloadsGo() {
		assertThat(flyway("10").migrate().targetSchemaVersion).isEqualTo("10");
		JdbcClient jdbc = JdbcClient.create(dataSource);
		OffsetDateTime at = OffsetDateTime.of(2026, 11, 28, 9, 0, 0, 0, ZoneOffset.UTC);
		UUID delivered = UUID.fromString("11111111-1111-4111-8111-111111111111");
		UUID pending = UUID.fromString("22222222-2222-4222-8222-222222222222");
		UUID refused = UUID.fromString("33333333-3333-4333-8333-333333333333");
		queue(jdbc, delivered, at, "delivered_at");
		queue(jdbc, pending, at, null);
		queue(jdbc, refused, at, "failed_at");
		jdbc.sql("""
				INSERT INTO assessment_draft (id, submission_id, step, data, attribution, started_at, updated_at)
				VALUES (?, ?, 2, '{"answers":{"employees":["11-50"]}}', '{"utm_source":"newsletter"}', ?, ?)""")
			.params(UUID.randomUUID(), UUID.randomUUID(), at, at)
			.update();
		jdbc.sql("INSERT INTO reading_pick (submission_id, slugs, created_at) VALUES (?, 'break-fix-vs-managed-it', ?)")
			.params(delivered, at)
			.update();
		jdbc.sql(
				"""
						INSERT INTO staff_account (id, email, name, password_hash, roles, enabled, created_at, version)
						VALUES (?, 'ada.admin@northbeam.test', 'Ada', '{bcrypt}$2a$10$abcdefghijklmnopqrstuu', 'ADMIN', true, ?, 0)""")
			.params(UUID.randomUUID(), at)
			.update();
		jdbc.sql("""
				INSERT INTO sign_in_attempt (email, client_address, succeeded, attempted_at)
				VALUES ('ada.admin@northbeam.test', '203.0.113.7', false, ?)""").params(at).update();

		flyway(null).migrate();

		assertThat(jdbc.sql("SELECT id, payload FROM outbound_request ORDER BY id").query().listOfRows())
			.extracting((row) -> row.get("payload") != null)
			.containsExactly(false, true, true);
		assertThat(jdbc.sql("SELECT payload FROM outbound_request WHERE id = ?")
			.params(pending)
			.query(String.class)
			.single()).contains("dana@example.com");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM outbound_request WHERE submission_id = ? AND delivered_at = ?")
			.params(delivered, at)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT step FROM assessment_draft").query(Integer.class).single()).isEqualTo(2);
		assertThat(jdbc.sql("SELECT slugs FROM reading_pick").query(String.class).single())
			.isEqualTo("break-fix-vs-managed-it");
		assertThat(jdbc.sql("SELECT email FROM staff_account").query(String.class).single())
			.isEqualTo("ada.admin@northbeam.test");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM sign_in_attempt").query(Long.class).single()).isEqualTo(1);
		// Staff sessions came later and start empty.
		assertThat(jdbc.sql("SELECT COUNT(*) FROM spring_session").query(Long.class).single()).isZero();
		assertThat(flyway(null).info().pending()).isEmpty();
	}

	private static void queue(JdbcClient jdbc, UUID id, OffsetDateTime at, String doneColumn) {
		String done = (doneColumn != null) ? ", " + doneColumn : "";
		jdbc.sql("INSERT INTO outbound_request (id, kind, submission_id, payload, created_at, attempts, next_attempt_at"
				+ done + ") VALUES (:id, 'SUBMISSION', :id, :payload, :at, 1, :at" + (done.isEmpty() ? "" : ", :at")
				+ ")")
			.param("id", id)
			.param("payload", PAYLOAD.formatted(id))
			.param("at", at)
			.update();
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
