package com.northbeam.testsupport;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ServerSettingsTests {

	@Test
	void defaultsToThePostgresUserOnLocalhost() {
		ServerSettings settings = ServerSettings.from(Map.of());

		assertThat(settings.adminUrl()).isEqualTo("jdbc:postgresql://localhost:5432/postgres");
		assertThat(settings.username()).isEqualTo("postgres");
	}

	@Test
	void derivesTheThrowawayDatabaseUrlKeepingParameters() {
		ServerSettings settings = ServerSettings
			.from(Map.of("TEST_POSTGRES_URL", "jdbc:postgresql://db.example:6543/admin?sslmode=require"));

		assertThat(settings.urlOfDatabase("test_abc"))
			.isEqualTo("jdbc:postgresql://db.example:6543/test_abc?sslmode=require");
	}

	@Test
	void anUnreachableServerFailsFastWithInstructions() {
		ServerSettings nowhere = ServerSettings
			.from(Map.of("TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:1/postgres"));

		long started = System.nanoTime();
		assertThatIllegalStateException().isThrownBy(() -> ThrowawayDatabase.create(nowhere))
			.withMessageContaining("Tests need a real PostgreSQL server")
			.withMessageContaining("TEST_POSTGRES_URL");
		assertThat(System.nanoTime() - started).isLessThan(10_000_000_000L);
	}

	@Test
	void eachThrowawayDatabaseIsNewAndUsable() throws Exception {
		ServerSettings local = ServerSettings.fromEnvironment();
		ThrowawayDatabase first = ThrowawayDatabase.create(local);
		ThrowawayDatabase second = ThrowawayDatabase.create(local);

		assertThat(first.getJdbcUrl()).isNotEqualTo(second.getJdbcUrl());
		try (var connection = java.sql.DriverManager.getConnection(first.getJdbcUrl(), first.getUsername(),
				first.getPassword())) {
			assertThat(connection.isValid(2)).isTrue();
		}
	}

}
