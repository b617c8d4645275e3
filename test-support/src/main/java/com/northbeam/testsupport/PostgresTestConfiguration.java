package com.northbeam.testsupport;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Gives a test context a real PostgreSQL database of its own.
 * <p>
 * With a Docker engine, a pinned PostgreSQL container is started through Testcontainers.
 * Without one, a throwaway database is created on the server that
 * {@code TEST_POSTGRES_URL} names (default
 * {@code jdbc:postgresql://localhost:5432/postgres}) and dropped when the JVM exits, so
 * parallel and repeated runs never share state. There is no fallback to an embedded
 * database.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PostgresTestConfiguration {

	static final String POSTGRES_IMAGE = "postgres:17.6-alpine";

	@Bean
	@ServiceConnection
	@Conditional(DockerAvailability.Available.class)
	PostgreSQLContainer postgresContainer() {
		return new PostgreSQLContainer(POSTGRES_IMAGE);
	}

	@Bean
	@Conditional(DockerAvailability.Unavailable.class)
	JdbcConnectionDetails throwawayPostgresDatabase() {
		return ThrowawayDatabase.create(ServerSettings.fromEnvironment());
	}

	/**
	 * Small pools that shrink when idle: the context cache keeps many test contexts alive
	 * at once, and together they must stay well below the server's connection limit.
	 */
	@Bean
	DynamicPropertyRegistrar smallTestConnectionPools() {
		return (registry) -> {
			registry.add("spring.datasource.hikari.maximum-pool-size", () -> "5");
			registry.add("spring.datasource.hikari.minimum-idle", () -> "0");
			registry.add("spring.datasource.hikari.idle-timeout", () -> "10000");
		};
	}

}
