package com.northbeam.content.seed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A shipped Markdown file: a front matter of {@code key: value} lines between two
 * {@code ---} lines, then the body.
 */
record SeedFile(String name, Map<String, String> frontMatter, String body, String hash) {

	static SeedFile parse(String name, String content) {
		String text = content.replace("\r\n", "\n");
		if (!text.startsWith("---\n")) {
			throw new IllegalArgumentException(name + ": no front matter");
		}
		int end = text.indexOf("\n---\n", 4);
		if (end < 0) {
			throw new IllegalArgumentException(name + ": front matter is not closed");
		}
		Map<String, String> frontMatter = new LinkedHashMap<>();
		for (String line : text.substring(4, end).split("\n")) {
			if (line.isBlank()) {
				continue;
			}
			int colon = line.indexOf(':');
			if (colon < 0) {
				throw new IllegalArgumentException(name + ": front matter line without a colon: " + line);
			}
			frontMatter.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
		}
		return new SeedFile(name, frontMatter, text.substring(end + 5).strip() + "\n", sha256(text));
	}

	String required(String key) {
		String value = frontMatter.get(key);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + ": front matter has no '" + key + "'");
		}
		return value;
	}

	String optional(String key) {
		String value = frontMatter.get(key);
		return (value == null || value.isBlank()) ? null : value;
	}

	List<String> list(String key) {
		String value = optional(key);
		return (value == null) ? List.of()
				: Arrays.stream(value.split(",")).map(String::strip).filter((item) -> !item.isEmpty()).toList();
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
