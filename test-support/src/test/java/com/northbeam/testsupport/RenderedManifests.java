package com.northbeam.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.yaml.snakeyaml.Yaml;

/**
 * A kustomization rendered by {@code kubectl kustomize}, as {@code kubectl apply -k}
 * would send it, read into plain maps and lists. The output stays in memory.
 */
final class RenderedManifests {

	private final List<Map<String, Object>> resources;

	private RenderedManifests(List<Map<String, Object>> resources) {
		this.resources = resources;
	}

	static RenderedManifests render(Path kustomization) {
		Process kubectl;
		Path output;
		try {
			output = Files.createTempFile("kustomize", ".yaml");
			kubectl = new ProcessBuilder("kubectl", "kustomize", kustomization.toString())
				.redirectOutput(output.toFile())
				.redirectError(ProcessBuilder.Redirect.PIPE)
				.start();
		}
		catch (IOException ex) {
			throw new AssertionError("kubectl is needed to render " + kustomization + " and could not be run (" + ex
					+ "). Install it (Debian: apt-get install kubernetes-client; .ci/run does this).", ex);
		}
		try {
			String errors = new String(kubectl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!kubectl.waitFor(2, TimeUnit.MINUTES)) {
				kubectl.destroyForcibly();
				throw new AssertionError("kubectl kustomize " + kustomization + " did not finish in 2 minutes");
			}
			if (kubectl.exitValue() != 0) {
				throw new AssertionError("kubectl kustomize " + kustomization + " failed:\n" + errors);
			}
			List<Map<String, Object>> resources = new ArrayList<>();
			for (Object document : new Yaml().loadAll(Files.readString(output))) {
				if (document != null) {
					resources.add(map(document));
				}
			}
			return new RenderedManifests(resources);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		finally {
			output.toFile().delete();
		}
	}

	List<Map<String, Object>> all() {
		return this.resources;
	}

	List<Map<String, Object>> ofKind(String kind) {
		return this.resources.stream().filter((resource) -> kind.equals(resource.get("kind"))).toList();
	}

	Map<String, Object> named(String kind, String name) {
		return ofKind(kind).stream()
			.filter((resource) -> name.equals(name(resource)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No " + kind + " named " + name + " is rendered"));
	}

	boolean has(String kind, String name) {
		return ofKind(kind).stream().anyMatch((resource) -> name.equals(name(resource)));
	}

	static String name(Map<String, Object> resource) {
		return (String) map(resource.get("metadata")).get("name");
	}

	/** The value at a path of keys, or {@code null} when any step is missing. */
	static Object at(Object node, String... keys) {
		Object current = node;
		for (String key : keys) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(key);
		}
		return current;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value) {
		return (value != null) ? (Map<String, Object>) value : Map.of();
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(Object value) {
		return (value != null) ? (List<Object>) value : List.of();
	}

}
