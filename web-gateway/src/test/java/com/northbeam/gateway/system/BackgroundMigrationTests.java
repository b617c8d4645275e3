package com.northbeam.gateway.system;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.northbeam.testsupport.PostgresTestConfiguration;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The migrations run on a thread of their own, and the start waits for them (and fails
 * with them) before anything uses the database.
 */
@SpringBootTest(classes = BackgroundMigrationTests.Database.class)
class BackgroundMigrationTests {

	@Autowired
	DataSource dataSource;

	@Test
	void migratesOnItsOwnThreadAndStartWaitsUntilTheSchemaIsCurrent() throws Exception {
		CountDownLatch released = new CountDownLatch(1);
		List<String> threads = new CopyOnWriteArrayList<>();
		Flyway flyway = gatewayMigrations("background_ok", new V99__waits_for_the_test(released, threads));
		BackgroundMigration migration = new BackgroundMigration();

		migration.migrate(flyway);
		// migrate() returned, and the last migration runs on the other thread, held back
		// by
		// the latch (Flyway itself is not asked meanwhile: its scanner is not
		// thread-safe).
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (threads.isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(threads).containsExactly("flyway-migration");
		assertThat(migration.isRunning()).isFalse();
		released.countDown();
		migration.start();

		assertThat(migration.isRunning()).isTrue();
		assertThat(flyway.info().pending()).isEmpty();
		assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo("99");
		assertThat(threads).containsExactly("flyway-migration");
	}

	@Test
	void aFailedMigrationFailsTheStart() {
		Flyway flyway = gatewayMigrations("background_failing", new V99__fails());
		BackgroundMigration migration = new BackgroundMigration();

		migration.migrate(flyway);

		assertThatExceptionOfType(FlywayException.class).isThrownBy(migration::start)
			.withStackTraceContaining("the schema cannot be changed");
		assertThat(migration.isRunning()).isFalse();
	}

	@Test
	void aContextClosedMeanwhileWaitsForTheMigrationBeforeItsDataSourceCloses() {
		CountDownLatch released = new CountDownLatch(1);
		Flyway flyway = gatewayMigrations("background_closed",
				new V99__waits_for_the_test(released, new CopyOnWriteArrayList<>()));
		BackgroundMigration migration = new BackgroundMigration();
		migration.migrate(flyway);
		CompletableFuture.runAsync(released::countDown, CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS));

		migration.destroy();

		assertThat(flyway.info().pending()).isEmpty();
	}

	@Test
	void withoutMigrationsTheStartDoesNotWait() {
		BackgroundMigration migration = new BackgroundMigration();

		migration.start();

		assertThat(migration.isRunning()).isTrue();
		assertThat(migration.getPhase()).isEqualTo(Integer.MIN_VALUE);
	}

	private Flyway gatewayMigrations(String schema, JavaMigration last) {
		return Flyway.configure()
			.dataSource(this.dataSource)
			.schemas(schema)
			.locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
			.javaMigrations(last)
			.load();
	}

	/** Holds the migration back until the test lets it finish. */
	static class V99__waits_for_the_test extends BaseJavaMigration {

		private final CountDownLatch released;

		private final List<String> threads;

		V99__waits_for_the_test(CountDownLatch released, List<String> threads) {
			this.released = released;
			this.threads = threads;
		}

		@Override
		public void migrate(Context context) throws Exception {
			this.threads.add(Thread.currentThread().getName());
			assertThat(this.released.await(30, TimeUnit.SECONDS)).isTrue();
		}

	}

	static class V99__fails extends BaseJavaMigration {

		@Override
		public void migrate(Context context) {
			throw new IllegalStateException("the schema cannot be changed");
		}

	}

	/** Only a PostgreSQL database of its own: no application, and no Flyway at start. */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ ServiceConnectionAutoConfiguration.class, DataSourceAutoConfiguration.class })
	@Import(PostgresTestConfiguration.class)
	static class Database {

	}

}
