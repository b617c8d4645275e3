package com.northbeam.testsupport;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.boot.context.properties.bind.BindResult;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * What one application module reads from its environment, found in its sources, for tests
 * of deployment files that set environment variables.
 * <p>
 * A variable is read when it is
 * <ul>
 * <li>named by a {@code ${NAME:default}} placeholder in the module's
 * {@code application*.properties} (how the services name their settings for
 * containers);</li>
 * <li>or the environment form of a property the application binds: a key of those
 * properties files, a component of a {@code @ConfigurationProperties} record in the
 * module's main sources (nested records followed, a {@code Map} component takes any key),
 * or {@code spring.profiles.active}. Whether the variable sets the property is decided by
 * Spring Boot's own binder over a system-environment property source, so relaxed binding
 * is applied exactly as at run time ({@code ASSESSMENT_PRIVACY_RETENTION} sets
 * {@code assessment.privacy.retention});</li>
 * <li>or {@link #JVM_VARIABLES read by the JVM} itself.</li>
 * </ul>
 * Spring Boot's other properties are not listed: a deployment that needs one should name
 * it in the module's properties first, where it is visible.
 */
final class ApplicationSettings {

	static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)[:}]");

	private static final Pattern PLACEHOLDER_WITH_DEFAULT = Pattern.compile("^\\$\\{([A-Z0-9_]+):([^}]*)}$");

	private static final Pattern CONFIGURATION_PROPERTIES = Pattern
		.compile("@ConfigurationProperties\\(\\s*(?:(?:prefix|value)\\s*=\\s*)?\"([^\"]+)\"\\s*\\)");

	private static final Pattern NEXT_DECLARATION = Pattern.compile(
			"(?:\\s*@\\w+(?:\\([^)]*\\))?)*\\s*(?:(?:public|protected|private|static|final)\\s+)*record\\s+(\\w+)");

	private static final Pattern RECORD = Pattern.compile("\\brecord\\s+(\\w+)\\s*\\(");

	private final String name;

	private final Path module;

	private final String properties;

	private final Set<String> placeholders = new HashSet<>();

	private final Set<String> propertyKeys = new HashSet<>();

	private final Set<String> mapKeys = new HashSet<>();

	ApplicationSettings(Path root, String name) {
		this.name = name;
		this.module = root.resolve(name);
		this.properties = readProperties();
		Matcher placeholder = PLACEHOLDER.matcher(this.properties);
		while (placeholder.find()) {
			this.placeholders.add(placeholder.group(1));
		}
		this.propertyKeys.add("spring.profiles.active");
		parse(this.properties).stringPropertyNames()
			.stream()
			.filter(ConfigurationPropertyName::isValid)
			.forEach(this.propertyKeys::add);
		readConfigurationPropertiesRecords();
	}

	/** All {@code application*.properties} of the module, one after the other. */
	String properties() {
		return this.properties;
	}

	boolean hasProfile(String profile) {
		return Files.exists(resources().resolve("application-" + profile + ".properties"));
	}

	/**
	 * Whether the application reads this environment variable (see the class comment).
	 */
	boolean reads(String variable) {
		if (this.placeholders.contains(variable) || JVM_VARIABLES.contains(variable)) {
			return true;
		}
		Binder binder = binder(Map.of(variable, "value"));
		return this.propertyKeys.stream().anyMatch((key) -> binder.bind(key, String.class).isBound())
				|| this.mapKeys.stream()
					.anyMatch((key) -> binder.bind(key, Bindable.mapOf(String.class, String.class)).isBound());
	}

	/**
	 * The value of a property in this environment: set by a variable that binds to it, or
	 * as the module's {@code application.properties} sets it, with a placeholder resolved
	 * from the environment or its default.
	 */
	String property(String key, Map<String, String> environment) {
		Map<String, Object> variables = new HashMap<>();
		environment.forEach((variable, value) -> {
			if (value != null) {
				variables.put(variable, value);
			}
		});
		BindResult<String> direct = binder(variables).bind(key, String.class);
		if (direct.isBound()) {
			return direct.get();
		}
		String value = parse(readString(resources().resolve("application.properties"))).getProperty(key);
		if (value == null) {
			return null;
		}
		Matcher placeholder = PLACEHOLDER_WITH_DEFAULT.matcher(value);
		if (placeholder.matches()) {
			return environment.getOrDefault(placeholder.group(1), placeholder.group(2));
		}
		return value;
	}

	Duration durationProperty(String key, Map<String, String> environment) {
		String value = property(key, environment);
		return (value != null) ? DurationStyle.detectAndParse(value) : null;
	}

	/** A binder over these variables as Spring Boot sees the system environment. */
	private static Binder binder(Map<String, Object> variables) {
		return new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables)));
	}

	private Path resources() {
		return this.module.resolve("src/main/resources");
	}

	private String readProperties() {
		StringBuilder all = new StringBuilder();
		try (Stream<Path> files = Files.list(resources())) {
			files.filter((file) -> file.getFileName().toString().matches("application.*\\.properties"))
				.sorted()
				.forEach((file) -> all.append(readString(file)).append('\n'));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return all.toString();
	}

	private void readConfigurationPropertiesRecords() {
		Map<String, String> recordHeaders = new HashMap<>();
		List<String> sources = new ArrayList<>();
		try (Stream<Path> files = Files.walk(this.module.resolve("src/main/java"))) {
			files.filter((file) -> file.toString().endsWith(".java")).forEach((file) -> sources.add(readString(file)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		for (String source : sources) {
			Matcher record = RECORD.matcher(source);
			while (record.find()) {
				recordHeaders.putIfAbsent(record.group(1), header(source, record.end()));
			}
		}
		for (String source : sources) {
			Matcher annotation = CONFIGURATION_PROPERTIES.matcher(source);
			while (annotation.find()) {
				Matcher declaration = NEXT_DECLARATION.matcher(source).region(annotation.end(), source.length());
				if (!declaration.lookingAt()) {
					throw new IllegalStateException(this.name + ": @ConfigurationProperties(\"" + annotation.group(1)
							+ "\") is not on a record; teach ApplicationSettings to read it");
				}
				addComponents(annotation.group(1), recordHeaders.get(declaration.group(1)), recordHeaders);
			}
		}
	}

	private void addComponents(String prefix, String header, Map<String, String> recordHeaders) {
		for (String component : topLevel(header)) {
			String declaration = component.replaceAll("@[\\w.]+(\\((?:[^()\"]|\"[^\"]*\")*\\))?", " ").strip();
			String componentName = declaration.substring(declaration.lastIndexOf(' ') + 1);
			String type = declaration.substring(0, declaration.lastIndexOf(' ')).strip();
			String rawType = type.replaceAll("<.*", "").replaceAll(".*\\.", "");
			String key = prefix + "." + componentName.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
			if (rawType.equals("Map")) {
				this.mapKeys.add(key);
			}
			else if (recordHeaders.containsKey(rawType)) {
				addComponents(key, recordHeaders.get(rawType), recordHeaders);
			}
			else {
				this.propertyKeys.add(key);
			}
		}
	}

	/** The text between the parenthesis that opens at {@code start - 1} and its match. */
	private static String header(String source, int start) {
		int depth = 1;
		for (int i = start; i < source.length(); i++) {
			char c = source.charAt(i);
			if (c == '(') {
				depth++;
			}
			else if (c == ')' && --depth == 0) {
				return source.substring(start, i);
			}
		}
		throw new IllegalStateException("Unbalanced record header");
	}

	/** The parts of a record header separated by commas outside (), <> and strings. */
	private static List<String> topLevel(String header) {
		List<String> parts = new ArrayList<>();
		int depth = 0;
		boolean quoted = false;
		int from = 0;
		for (int i = 0; i < header.length(); i++) {
			char c = header.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && (c == '(' || c == '<')) {
				depth++;
			}
			else if (!quoted && (c == ')' || c == '>')) {
				depth--;
			}
			else if (!quoted && depth == 0 && c == ',') {
				parts.add(header.substring(from, i));
				from = i + 1;
			}
		}
		if (!header.isBlank()) {
			parts.add(header.substring(from));
		}
		return parts;
	}

	private static Properties parse(String text) {
		Properties properties = new Properties();
		try {
			properties.load(new StringReader(text));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

	private static String readString(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
