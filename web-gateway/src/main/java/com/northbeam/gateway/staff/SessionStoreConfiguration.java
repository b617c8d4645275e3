package com.northbeam.gateway.staff;

import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Two overlapping requests of one session (a page and a form post, two tabs) can both add
 * the same attribute, the CSRF token say. Spring Session writes a new attribute with a
 * plain insert, so the later request failed on the attributes' primary key; on PostgreSQL
 * the write is an upsert instead, and the later value wins.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionAttributesUpsertOnPostgres(
			JdbcConnectionDetails database) {
		boolean postgres = DatabaseDriver.fromJdbcUrl(database.getJdbcUrl()) == DatabaseDriver.POSTGRESQL;
		SessionRepositoryCustomizer<JdbcIndexedSessionRepository> upsert = new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
		return (repository) -> {
			if (postgres) {
				upsert.customize(repository);
			}
		};
	}

}
