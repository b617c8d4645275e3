package com.northbeam.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * Creates a uniquely named database on an existing server and drops it when the JVM
 * exits.
 */
final class ThrowawayDatabase implements JdbcConnectionDetails {

	private final ServerSettings server;

	private final String name;

	private ThrowawayDatabase(ServerSettings server, String name) {
		this.server = server;
		this.name = name;
	}

	static ThrowawayDatabase create(ServerSettings server) {
		String name = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
		try (Connection admin = connect(server, server.adminUrl()); Statement statement = admin.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ServerSettings.HOW_TO + "\nCause: " + ex.getMessage(), ex);
		}
		ThrowawayDatabase database = new ThrowawayDatabase(server, name);
		Runtime.getRuntime().addShutdownHook(new Thread(database::drop, "drop-" + name));
		return database;
	}

	private static Connection connect(ServerSettings server, String url) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", server.username());
		properties.setProperty("password", server.password());
		// Fail within seconds when nothing listens instead of waiting for the OS timeout.
		properties.setProperty("connectTimeout", "3");
		properties.setProperty("loginTimeout", "5");
		return DriverManager.getConnection(url, properties);
	}

	private void drop() {
		try (Connection admin = connect(server, server.adminUrl()); Statement statement = admin.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
		}
		catch (SQLException ex) {
			System.err.println("Could not drop test database " + name + ": " + ex.getMessage());
		}
	}

	@Override
	public String getJdbcUrl() {
		return server.urlOfDatabase(name);
	}

	@Override
	public String getUsername() {
		return server.username();
	}

	@Override
	public String getPassword() {
		return server.password();
	}

	@Override
	public String getDriverClassName() {
		return "org.postgresql.Driver";
	}

}
