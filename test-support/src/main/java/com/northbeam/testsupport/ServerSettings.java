package com.northbeam.testsupport;

import java.util.Map;

/**
 * Where tests find a PostgreSQL server when no Docker engine is available.
 * <p>
 * {@code TEST_POSTGRES_URL} is a JDBC URL of a database the test user may connect to
 * (default {@code jdbc:postgresql://localhost:5432/postgres}); {@code TEST_POSTGRES_USER}
 * (default {@code postgres}) must be allowed to create databases;
 * {@code TEST_POSTGRES_PASSWORD} is optional.
 */
record ServerSettings(String adminUrl, String username, String password) {

	static final String HOW_TO = """
			Tests need a real PostgreSQL server and none could be reached.
			Provide one of:
			  - a running Docker engine (Testcontainers starts %s), or
			  - a PostgreSQL server on localhost:5432 where user 'postgres' may create databases, or
			  - the server named by TEST_POSTGRES_URL (JDBC URL of an admin database, e.g.
			    jdbc:postgresql://db.example:5432/postgres) with TEST_POSTGRES_USER and
			    TEST_POSTGRES_PASSWORD.
			On Debian: apt-get install postgresql && pg_ctlcluster <version> main start"""
		.formatted(PostgresTestConfiguration.POSTGRES_IMAGE);

	static ServerSettings fromEnvironment() {
		return from(System.getenv());
	}

	static ServerSettings from(Map<String, String> env) {
		return new ServerSettings(env.getOrDefault("TEST_POSTGRES_URL", "jdbc:postgresql://localhost:5432/postgres"),
				env.getOrDefault("TEST_POSTGRES_USER", "postgres"), env.getOrDefault("TEST_POSTGRES_PASSWORD", ""));
	}

	/** The URL of another database on the same server, keeping the query parameters. */
	String urlOfDatabase(String database) {
		int query = adminUrl.indexOf('?');
		String base = (query < 0) ? adminUrl : adminUrl.substring(0, query);
		String params = (query < 0) ? "" : adminUrl.substring(query);
		return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
	}

}
