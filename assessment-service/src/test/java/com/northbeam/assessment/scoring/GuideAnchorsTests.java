package com.northbeam.assessment.scoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GuideAnchorsTests {

	@Test
	void theAnchorsAreExactlyThoseOfTheSharedConventions() throws IOException {
		String conventions = Files.readString(Path.of("..", "docs", "conventions.md"));
		String section = conventions.substring(conventions.indexOf("## Guide anchors"),
				conventions.indexOf("## Article slugs"));
		Matcher row = Pattern.compile("^\\| `([a-z0-9-]+)` \\|", Pattern.MULTILINE).matcher(section);
		Set<String> documented = new HashSet<>();
		while (row.find()) {
			documented.add(row.group(1));
		}
		assertThat(documented).hasSize(20);
		assertThat(GuideAnchors.ALL).isEqualTo(documented);
	}

}
