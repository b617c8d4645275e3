package com.northbeam.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs where we build, so docker-compose.yml is checked by reading it:
 * every service, port and environment variable it sets must match what the applications
 * read.
 */
class DockerComposeFileTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final List<String> APPLICATIONS = List.of("content-service", "assessment-service", "web-gateway");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)[:}]");

	private static final Pattern SERVICE_URL = Pattern.compile("https?://([a-z0-9-]+):(\\d+)");

	private final Map<String, Map<String, Object>> services = loadServices();

	@Test
	void everyApplicationModuleIsAComposeServiceBuiltFromItsOwnModule() {
		assertThat(services).containsKeys(APPLICATIONS.toArray(String[]::new)).containsKey("postgres");
		for (String application : APPLICATIONS) {
			Map<String, Object> build = map(services.get(application).get("build"));
			assertThat(map(build.get("args")).get("SERVICE")).as(application + " build arg").isEqualTo(application);
			assertThat(ROOT.resolve(application).resolve("pom.xml")).exists();
		}
		assertThat(ROOT.resolve("Dockerfile")).exists();
	}

	@Test
	void everyEnvironmentVariableIsOneTheApplicationReads() throws IOException {
		for (String application : APPLICATIONS) {
			Set<String> read = placeholdersReadBy(application);
			for (String variable : environment(application).keySet()) {
				if (variable.equals("SPRING_PROFILES_ACTIVE")) {
					String profile = environment(application).get(variable);
					assertThat(resources(application).resolve("application-" + profile + ".properties"))
						.as("%s activates profile %s", application, profile)
						.exists();
					continue;
				}
				assertThat(read).as("%s sets %s", application, variable).contains(variable);
			}
		}
	}

	@Test
	void portsMatchTheApplicationsAndOnlyTheGatewayIsPublished() throws IOException {
		Map<String, String> portVariables = Map.of("content-service", "CONTENT_PORT", "assessment-service",
				"ASSESSMENT_PORT", "web-gateway", "GATEWAY_PORT");
		for (String application : APPLICATIONS) {
			String variable = portVariables.get(application);
			String port = environment(application).get(variable);
			assertThat(properties(application)).as(application + " default port")
				.contains("server.port=${" + variable + ":" + port + "}");
			assertThat(String.valueOf(map(services.get(application).get("healthcheck")).get("test")))
				.contains("localhost:" + port + "/readyz");
		}
		assertThat(services.get("web-gateway").get("ports")).isEqualTo(List.of("8080:8080"));
		assertThat(services.get("content-service")).doesNotContainKey("ports");
		assertThat(services.get("assessment-service")).doesNotContainKey("ports");
		assertThat(services.get("postgres")).doesNotContainKey("ports");
	}

	@Test
	void urlsBetweenServicesNameRealServicesOnTheirPorts() {
		for (String application : APPLICATIONS) {
			for (String value : environment(application).values()) {
				Matcher url = SERVICE_URL.matcher(value);
				if (url.find() && !url.group(1).equals("localhost")) {
					String target = url.group(1);
					assertThat(services).as(application + " calls " + target).containsKey(target);
					if (!target.equals("postgres")) {
						assertThat(environment(target)).as(target + " listens on " + url.group(2))
							.containsValue(url.group(2));
					}
				}
			}
		}
	}

	@Test
	void eachServiceHasItsOwnDatabaseCreatedByTheInitScript() throws IOException {
		String initScript = Files.readString(ROOT.resolve("docker/postgres/init-databases.sh"));
		Map<String, String> databases = Map.of("content-service", "CONTENT_DB_URL", "assessment-service",
				"ASSESSMENT_DB_URL", "web-gateway", "GATEWAY_DB_URL");
		for (String application : APPLICATIONS) {
			String url = environment(application).get(databases.get(application));
			String database = url.substring(url.lastIndexOf('/') + 1);
			assertThat(initScript).as(application + " database").containsPattern("create " + database + " ");
		}
		assertThat(String.valueOf(services.get("postgres").get("volumes"))).contains("docker-entrypoint-initdb.d");
	}

	@Test
	void startupWaitsForHealthAndImagesArePinned() {
		for (String application : APPLICATIONS) {
			Map<String, Object> dependsOn = map(services.get(application).get("depends_on"));
			assertThat(dependsOn).as(application + " depends_on").isNotEmpty();
			dependsOn.forEach((dependency, condition) -> {
				assertThat(map(condition)).containsEntry("condition", "service_healthy");
				assertThat(services.get(dependency)).as(dependency + " healthcheck").containsKey("healthcheck");
			});
		}
		String image = String.valueOf(services.get("postgres").get("image"));
		assertThat(image).matches("postgres:\\d+\\.\\d+.*").doesNotContain("latest");
	}

	@Test
	void secretsComeFromTheEnvironmentAndAreListedInTheExample() throws IOException {
		String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
		String example = Files.readString(ROOT.resolve(".env.example"));
		Matcher required = Pattern.compile("\\$\\{([A-Z0-9_]+):\\?").matcher(compose);
		List<String> secrets = new ArrayList<>();
		while (required.find()) {
			secrets.add(required.group(1));
		}
		assertThat(secrets).contains("GATEWAY_TOKEN_PRIVATE_KEY", "POSTGRES_PASSWORD");
		for (String secret : secrets) {
			assertThat(example).as(".env.example lists " + secret).containsPattern("(?m)^" + secret + "=");
		}
		assertThat(compose).doesNotContainPattern("(?i)(PASSWORD|PRIVATE_KEY): [^$\\s]");
	}

	private Map<String, String> environment(String service) {
		Map<String, String> environment = new LinkedHashMap<>();
		map(services.get(service).get("environment"))
			.forEach((key, value) -> environment.put(key, String.valueOf(value)));
		return environment;
	}

	private static Set<String> placeholdersReadBy(String application) throws IOException {
		Matcher matcher = PLACEHOLDER.matcher(properties(application));
		Set<String> names = new HashSet<>();
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	private static String properties(String application) throws IOException {
		StringBuilder all = new StringBuilder();
		try (Stream<Path> files = Files.list(resources(application))) {
			for (Path file : files.filter((f) -> f.getFileName().toString().matches("application.*\\.properties"))
				.toList()) {
				all.append(Files.readString(file)).append('\n');
			}
		}
		return all.toString();
	}

	private static Path resources(String application) {
		return ROOT.resolve(application).resolve("src/main/resources");
	}

	private static Map<String, Map<String, Object>> loadServices() {
		try (InputStream in = Files.newInputStream(ROOT.resolve("docker-compose.yml"))) {
			Map<String, Object> compose = new Yaml().load(in);
			Map<String, Map<String, Object>> services = new LinkedHashMap<>();
			map(compose.get("services")).forEach((name, definition) -> services.put(name, map(definition)));
			return services;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (value != null) ? (Map<String, Object>) value : Map.of();
	}

}
