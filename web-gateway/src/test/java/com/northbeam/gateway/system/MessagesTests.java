package com.northbeam.gateway.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every message key the public site's templates name exists in the bundle. */
class MessagesTests {

	private static final Pattern KEY = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[}(]");

	private static final List<String> PUBLIC_TEMPLATES = List.of("site", "assessment", "error", "fragments");

	@Test
	void everyKeyUsedByThePublicTemplatesIsInTheBundle() throws IOException {
		Properties bundle = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/messages/messages.properties")) {
			bundle.load(new java.io.InputStreamReader(in, StandardCharsets.ISO_8859_1));
		}
		List<String> missing = new ArrayList<>();
		Path templates = Path.of("src/main/resources/templates");
		List<Path> files = new ArrayList<>();
		for (String folder : PUBLIC_TEMPLATES) {
			try (Stream<Path> found = Files.walk(templates.resolve(folder))) {
				found.filter((path) -> path.toString().endsWith(".html")).forEach(files::add);
			}
		}
		files.add(templates.resolve("error.html"));
		int found = 0;
		for (Path file : files) {
			Matcher matcher = KEY.matcher(Files.readString(file));
			while (matcher.find()) {
				found++;
				if (!bundle.containsKey(matcher.group(1))) {
					missing.add(templates.relativize(file) + ": " + matcher.group(1));
				}
			}
		}
		assertThat(files).hasSizeGreaterThan(10);
		assertThat(found).isGreaterThan(100);
		assertThat(missing).isEmpty();
	}

	@Test
	void everyRecommendationConfidenceAndSetupHasALabel() throws IOException {
		Properties bundle = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/messages/messages.properties")) {
			bundle.load(new java.io.InputStreamReader(in, StandardCharsets.ISO_8859_1));
		}
		for (String key : List.of("model.co_managed", "model.fully_managed", "model.hybrid", "confidence.clear",
				"confidence.moderate", "confidence.close", "setup.current", "setup.co_managed", "setup.fully_managed",
				"kind.guide", "kind.article", "kind.page")) {
			assertThat(bundle).containsKey(key);
		}
	}

}
