package com.northbeam.assessment.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.fail;

/**
 * The Standard Webhooks reference implementation (the npm package
 * {@code standardwebhooks} 1.1.1), installed once into {@code target/standardwebhooks}
 * and run with node. Node and npm must be installed ({@code .ci/run} installs Debian's);
 * without them the tests that use this fail, they do not skip.
 */
final class StandardWebhooksReference {

	static final String VERSION = "1.1.1";

	private static final Path HOME = Path.of("target", "standardwebhooks").toAbsolutePath();

	private static final Path PACKAGE = HOME.resolve("node_modules").resolve("standardwebhooks");

	/** A delivery to verify with a secret, and what the reference says of it. */
	record Case(String name, String secret, Map<String, String> headers, String body) {
	}

	record Result(String name, boolean verified, String error) {
	}

	private StandardWebhooksReference() {
	}

	static synchronized List<Result> verify(List<Case> cases, ObjectMapper json) throws Exception {
		install();
		Path script = HOME.resolve("verify.js");
		try (InputStream in = StandardWebhooksReference.class.getResourceAsStream("/standardwebhooks/verify.js")) {
			Files.write(script, in.readAllBytes());
		}
		Path input = Files.createTempFile(HOME, "cases", ".json");
		try {
			Files.writeString(input, json.writeValueAsString(cases));
			String output = run(List.of("node", script.toString(), PACKAGE.toString(), input.toString()));
			List<Result> results = new ArrayList<>();
			for (JsonNode result : json.readTree(output)) {
				results.add(new Result(result.get("name").asString(), result.get("verified").asBoolean(),
						result.has("error") ? result.get("error").asString() : null));
			}
			return results;
		}
		finally {
			Files.deleteIfExists(input);
		}
	}

	private static void install() throws Exception {
		Path manifest = PACKAGE.resolve("package.json");
		if (Files.exists(manifest) && Files.readString(manifest).contains("\"version\": \"" + VERSION + "\"")) {
			return;
		}
		Files.createDirectories(HOME);
		run(List.of("npm", "install", "--no-save", "--no-audit", "--no-fund", "--no-package-lock", "--prefix",
				HOME.toString(), "standardwebhooks@" + VERSION));
	}

	private static String run(List<String> command) throws Exception {
		Process process;
		try {
			process = new ProcessBuilder(command).directory(HOME.toFile()).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			return fail("'" + command.get(0) + "' cannot be run (" + ex.getMessage() + "). Node and npm are needed "
					+ "to verify webhooks with the Standard Webhooks reference implementation (npm standardwebhooks "
					+ VERSION + "): install them (Debian: apt-get install nodejs npm), as .ci/run does.");
		}
		byte[] output = process.getInputStream().readAllBytes();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			return fail(String.join(" ", command) + " did not finish within 60 s");
		}
		String text = new String(output, StandardCharsets.UTF_8);
		if (process.exitValue() != 0) {
			return fail(String.join(" ", command) + " failed with exit code " + process.exitValue() + ":\n" + text);
		}
		return text;
	}

}
