package com.northbeam.assessment.system;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * Which database the service runs on: PostgreSQL in production and tests, the embedded
 * database for a quick local run. Repositories that write faster SQL for PostgreSQL ask
 * here.
 */
@Component
public class DatabaseProduct {

	private final boolean postgres;

	DatabaseProduct(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			this.postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot tell which database is in use", ex);
		}
	}

	public boolean isPostgres() {
		return this.postgres;
	}

}
