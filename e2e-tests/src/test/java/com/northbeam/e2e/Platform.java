package com.northbeam.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The three services started from their built jars as real processes, each on a free port
 * with its own throwaway PostgreSQL database, the way they run in production: with the
 * bean definitions the build computed ahead of time ({@code spring.aot.enabled}).
 * PostgreSQL is found as in the other tests: {@code TEST_POSTGRES_URL} (default
 * {@code localhost:5432/postgres}), {@code TEST_POSTGRES_USER} (default
 * {@code postgres}), {@code TEST_POSTGRES_PASSWORD}.
 */
final class Platform implements AutoCloseable {

	static final List<String> SERVICES = List.of("content-service", "assessment-service", "web-gateway");

	/**
	 * The first admin the gateway creates from its environment, for tests that sign in to
	 * the dashboard.
	 */
	static final String ADMIN_EMAIL = "admin@e2e.northbeam.test";

	static final String ADMIN_PASSWORD = "e2e admin password " + UUID.randomUUID();

	private final Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();

	private final String adminUrl = env("TEST_POSTGRES_URL", "jdbc:postgresql://localhost:5432/postgres");

	private final String dbUser = env("TEST_POSTGRES_USER", "postgres");

	private final String dbPassword = env("TEST_POSTGRES_PASSWORD", "");

	private final Map<String, Integer> ports = new LinkedHashMap<>();

	private final Map<String, String> databases = new LinkedHashMap<>();

	private final Map<String, Process> processes = new LinkedHashMap<>();

	private final Map<String, List<String>> extraSettings = new LinkedHashMap<>();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Path jars = root.resolve("e2e-tests").resolve("target").resolve("jars");

	Platform() {
		for (String service : SERVICES) {
			copyJar(service);
			ports.put(service, freePort());
			String name = "e2e_" + service.replace("-", "_").replace("_service", "") + "_"
					+ UUID.randomUUID().toString().replace("-", "").substring(0, 10);
			createDatabase(name);
			databases.put(service, name);
		}
	}

	/** Starts every service and waits until each is ready. */
	Platform start() {
		SERVICES.forEach(this::launch);
		SERVICES.forEach((service) -> awaitReady(service, Duration.ofSeconds(150)));
		return this;
	}

	String gatewayUrl() {
		return "http://127.0.0.1:" + ports.get("web-gateway");
	}

	void stop(String service) {
		Process process = processes.remove(service);
		if (process != null) {
			process.destroy();
			try {
				if (!process.waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(20),
						java.util.concurrent.TimeUnit.MILLISECONDS)) {
					process.destroyForcibly().waitFor();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	void restart(String service) {
		stop(service);
		launch(service);
		awaitReady(service, Duration.ofSeconds(150));
	}

	/**
	 * Extra command-line settings for a service, from its first start on (call before
	 * {@link #start()}).
	 */
	Platform with(String service, String... settings) {
		extraSettings.put(service, List.of(settings));
		return this;
	}

	/**
	 * Restarts a service with extra command-line settings, kept for its later restarts.
	 */
	void restart(String service, String... settings) {
		extraSettings.put(service, List.of(settings));
		restart(service);
	}

	/**
	 * A start token of the gateway's JSON API, as a partner's form fetches one when a
	 * person starts answering. Its submission becomes a lead only when sent at least the
	 * minimum fill time later (1 s here): wait {@link #PERSON_TIME} before sending it.
	 */
	String startToken() {
		try {
			HttpResponse<String> start = http
				.send(HttpRequest.newBuilder(URI.create(gatewayUrl() + "/api/v1/assessment/starts"))
					.POST(HttpRequest.BodyPublishers.noBody())
					.build(), HttpResponse.BodyHandlers.ofString());
			java.util.regex.Matcher token = java.util.regex.Pattern.compile("\"startToken\"\\s*:\\s*\"([^\"]+)\"")
				.matcher(start.body());
			if (start.statusCode() != 200 || !token.find()) {
				throw new IllegalStateException("No start token: " + start.statusCode() + " " + start.body());
			}
			return token.group(1);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The version of the consent text the public JSON API's questionnaire asks a
	 * submission to accept.
	 */
	String consentVersion() throws IOException, InterruptedException {
		String questionnaire = http
			.send(HttpRequest.newBuilder(URI.create(gatewayUrl() + "/api/v1/assessment")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		java.util.regex.Matcher consent = java.util.regex.Pattern
			.compile("\"consent\"\\s*:\\s*\\{[^}]*\"version\"\\s*:\\s*\"([^\"]+)\"")
			.matcher(questionnaire);
		org.assertj.core.api.Assertions.assertThat(consent.find()).as("consent version in " + questionnaire).isTrue();
		return consent.group(1);
	}

	/** Longer than the gateway's minimum fill time here. */
	static final Duration PERSON_TIME = Duration.ofMillis(1200);

	/** A JSON API submission body with its start token. */
	static String started(String body, String startToken) {
		return body.substring(0, body.lastIndexOf('}')) + ",\"startToken\":\"" + startToken + "\"}";
	}

	/** A number from a service's own database, for checks no public API offers. */
	long count(String service, String sql) {
		try (Connection connection = DriverManager.getConnection(urlOf(databases.get(service)), dbUser, dbPassword);
				Statement statement = connection.createStatement();
				var rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Runs a copy, so rebuilding a module while the tests run cannot pull a jar from
	 * under a running JVM.
	 */
	private void copyJar(String service) {
		Path jar = root.resolve(service).resolve("target").resolve(service + ".jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("No " + jar + ": build the platform first (./mvnw verify builds it)");
		}
		try {
			Files.createDirectories(jars);
			Files.copy(jar, jars.resolve(service + ".jar"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void launch(String service) {
		Path jar = jars.resolve(service + ".jar");
		String gateway = gatewayUrl();
		List<String> command = new ArrayList<>(
				List.of(javaBin(), "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Dspring.aot.enabled=true", "-jar",
						jar.toString(), "--server.port=" + ports.get(service), "--management.server.port=0",
						"--spring.profiles.active=postgres", "--spring.datasource.url=" + urlOf(databases.get(service)),
						"--spring.datasource.username=" + dbUser, "--spring.datasource.password=" + dbPassword));
		if (service.equals("web-gateway")) {
			command.addAll(List.of("--gateway.token.issuer=" + gateway, "--gateway.site.public-url=" + gateway,
					"--gateway.services.content.base-url=http://127.0.0.1:" + ports.get("content-service"),
					"--gateway.services.assessment.base-url=http://127.0.0.1:" + ports.get("assessment-service"),
					"--gateway.content-cache.refresh-after=1s", "--gateway.assessment.minimum-fill-time=1s",
					"--gateway.assessment.rate-limit.capacity=1000", "--gateway.assessment.forwarder.interval=1s",
					"--gateway.assessment.forwarder.initial-backoff=500ms",
					"--gateway.assessment.forwarder.maximum-backoff=2s"));
		}
		else {
			command
				.addAll(List.of("--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + gateway + "/oauth2/jwks",
						"--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + gateway));
		}
		command.addAll(extraSettings.getOrDefault(service, List.of()));
		try {
			Path log = root.resolve("e2e-tests").resolve("target").resolve(service + ".log");
			Files.createDirectories(log.getParent());
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
			builder.environment().put("GATEWAY_TOKEN_ISSUER", gateway);
			builder.environment().put("GATEWAY_JWK_SET_URI", gateway + "/oauth2/jwks");
			if (service.equals("web-gateway")) {
				builder.environment().put("PLATFORM_ADMIN_EMAIL", ADMIN_EMAIL);
				builder.environment().put("PLATFORM_ADMIN_PASSWORD", ADMIN_PASSWORD);
			}
			processes.put(service, builder.start());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start " + service, ex);
		}
	}

	private void awaitReady(String service, Duration timeout) {
		URI readiness = URI.create("http://127.0.0.1:" + ports.get(service) + "/readyz");
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			Process process = processes.get(service);
			if (process == null || !process.isAlive()) {
				throw new IllegalStateException(service + " exited; see e2e-tests/target/" + service + ".log");
			}
			try {
				HttpResponse<Void> response = http.send(
						HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			sleep(500);
		}
		throw new IllegalStateException(service + " not ready within " + timeout);
	}

	@Override
	public void close() {
		new ArrayList<>(processes.keySet()).forEach(this::stop);
		databases.values().forEach(this::dropDatabase);
	}

	private void createDatabase(String name) {
		execute("CREATE DATABASE " + name);
	}

	private void dropDatabase(String name) {
		try {
			execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
		}
		catch (IllegalStateException ex) {
			// best effort: a leftover test database does no harm
		}
	}

	private void execute(String sql) {
		try (Connection admin = DriverManager.getConnection(adminUrl, dbUser, dbPassword);
				Statement statement = admin.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"PostgreSQL is needed for the browser tests (" + adminUrl + "): " + ex.getMessage(), ex);
		}
	}

	private String urlOf(String database) {
		int query = adminUrl.indexOf('?');
		String base = (query < 0) ? adminUrl : adminUrl.substring(0, query);
		return base.substring(0, base.lastIndexOf('/') + 1) + database + ((query < 0) ? "" : adminUrl.substring(query));
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String javaBin() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
