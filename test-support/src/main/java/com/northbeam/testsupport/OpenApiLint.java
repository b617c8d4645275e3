package com.northbeam.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;

/**
 * Lints an OpenAPI document with Redocly's CLI ({@code npx @redocly/cli lint}) and the
 * repository's {@code redocly.yaml}, the same check {@code bin/lint-openapi} runs against
 * a running platform. The document is kept under {@code target/openapi/} for reading.
 * Without {@code npx} on the {@code PATH} the lint fails (CI installs Node.js with npm):
 * a document that was never checked must not pass.
 */
public final class OpenApiLint {

	/** The pinned Redocly CLI; bin/lint-openapi pins the same. */
	public static final String REDOCLY = "@redocly/cli@2.77.0";

	private OpenApiLint() {
	}

	/** What Redocly found: its totals and, for a failure message, its problems. */
	public record Result(int errors, int warnings, List<String> problems, Path document) {

		@Override
		public String toString() {
			return errors + " errors, " + warnings + " warnings in " + document + ":\n" + String.join("\n", problems);
		}

	}

	/**
	 * Writes the document to {@code target/openapi/<name>.json} and lints it.
	 * @param name the file name without extension, e.g. the service's name
	 * @param json the OpenAPI document
	 * @return Redocly's totals and problems
	 */
	public static Result lint(String name, String json) throws IOException, InterruptedException {
		Path document = Path.of("target", "openapi", name + ".json").toAbsolutePath();
		Files.createDirectories(document.getParent());
		Files.writeString(document, json, StandardCharsets.UTF_8);
		Path npx = npx();
		Path output = Files.createTempFile("redocly", ".json");
		Path log = document.resolveSibling(name + ".lint.log");
		ProcessBuilder builder = new ProcessBuilder(npx.toString(), "--yes", REDOCLY, "lint", "--format=json",
				"--config", config().toString(), document.toString())
			.redirectOutput(output.toFile())
			.redirectError(log.toFile());
		builder.environment().put("REDOCLY_TELEMETRY", "off");
		builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
		Process process = builder.start();
		if (!process.waitFor(3, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new AssertionError("Redocly did not finish linting " + document + " within 3 minutes");
		}
		String report = Files.readString(output, StandardCharsets.UTF_8);
		Files.delete(output);
		if (!report.trim().startsWith("{")) {
			throw new AssertionError("Redocly did not lint " + document + " (exit " + process.exitValue() + "): "
					+ Files.readString(log, StandardCharsets.UTF_8));
		}
		int errors = JsonPath.read(report, "$.totals.errors");
		int warnings = JsonPath.read(report, "$.totals.warnings");
		List<Map<String, Object>> problems = JsonPath.read(report, "$.problems");
		List<String> lines = problems.stream()
			.map((problem) -> problem.get("severity") + " " + problem.get("ruleId") + ": " + problem.get("message")
					+ " at " + JsonPath.read(problem, "$.location[0].pointer"))
			.toList();
		return new Result(errors, warnings, lines, document);
	}

	private static Path npx() {
		String path = System.getenv("PATH");
		if (path != null) {
			for (String directory : path.split(File.pathSeparator)) {
				Path candidate = Path.of(directory, "npx");
				if (Files.isExecutable(candidate)) {
					return candidate;
				}
			}
		}
		throw new AssertionError("npx is not on the PATH: the OpenAPI documents are linted with " + REDOCLY
				+ " through npx. Install Node.js with npm (.ci/run does) and run the tests again.");
	}

	private static Path config() {
		for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
			Path config = directory.resolve("redocly.yaml");
			if (Files.isRegularFile(config)) {
				return config;
			}
		}
		throw new AssertionError("No redocly.yaml in " + Path.of("").toAbsolutePath() + " or above");
	}

}
