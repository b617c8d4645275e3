package com.northbeam.testsupport.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Reading a module's files for the architecture rules. */
final class ModuleFiles {

	private ModuleFiles() {
	}

	static List<Path> files(Path directory, String ending) {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> walk = Files.walk(directory)) {
			return walk.filter((path) -> path.toString().endsWith(ending)).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
