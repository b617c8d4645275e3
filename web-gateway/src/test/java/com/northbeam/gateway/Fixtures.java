package com.northbeam.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Canned service answers shaped like the real services' (test resources under
 * {@code fixtures/}).
 */
public final class Fixtures {

	private Fixtures() {
	}

	public static String read(String name) {
		try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static String questionnaire() {
		return read("questionnaire.json");
	}

	public static String guide() {
		return read("guide.json");
	}

	public static String result(Object id) {
		return read("result.json").formatted(id);
	}

}
