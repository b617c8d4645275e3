package com.northbeam.testsupport.architecture;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which tables a service has and who owns each: the tables its migrations create, the
 * owners its section of {@code docs/architecture.md} lists, and the tables a Java
 * source's SQL names.
 */
final class TableOwnership {

	private static final Pattern CREATE_TABLE = Pattern
		.compile("(?i)\\bcreate\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?\"?(\\w+)\"?");

	private static final Pattern TABLE_ROW = Pattern.compile("^\\|\\s*`(\\w+)`\\s*\\|\\s*`(\\w+)`\\s*\\|");

	private static final Pattern STRING_LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"",
			Pattern.DOTALL);

	private static final Pattern TABLE_REFERENCE = Pattern
		.compile("(?i)\\b(?:from|join|into|update|table|exists|using)\\s+\"?(\\w+)\"?");

	private final String serviceName;

	private final Path moduleDirectory;

	TableOwnership(String serviceName, Path moduleDirectory) {
		this.serviceName = serviceName;
		this.moduleDirectory = moduleDirectory;
	}

	/** The service's table owners, from its section of {@code docs/architecture.md}. */
	Map<String, String> owners() {
		Path document = this.moduleDirectory.toAbsolutePath().resolveSibling("docs").resolve("architecture.md");
		List<String> lines = ModuleFiles.read(document).lines().toList();
		Map<String, String> owners = new TreeMap<>();
		boolean inService = false;
		boolean inTables = false;
		for (String line : lines) {
			if (line.startsWith("## ")) {
				inService = line.substring(3).trim().equals(this.serviceName);
				inTables = false;
			}
			else if (line.startsWith("### ")) {
				inTables = inService && line.substring(4).trim().equals("Tables");
			}
			else if (inTables) {
				Matcher row = TABLE_ROW.matcher(line);
				if (row.find()) {
					owners.put(row.group(1).toLowerCase(Locale.ROOT), row.group(2));
				}
			}
		}
		if (owners.isEmpty()) {
			throw new AssertionError(document + " has no '### Tables' table under '## " + this.serviceName + "'");
		}
		return owners;
	}

	Set<String> migratedTables() {
		Set<String> tables = new TreeSet<>();
		for (Path migration : ModuleFiles.files(this.moduleDirectory.resolve("src/main/resources/db/migration"),
				".sql")) {
			Matcher created = CREATE_TABLE.matcher(ModuleFiles.read(migration));
			while (created.find()) {
				tables.add(created.group(1).toLowerCase(Locale.ROOT));
			}
		}
		return tables;
	}

	static Set<String> tablesNamedBy(String javaSource, Set<String> tables) {
		Set<String> named = new TreeSet<>();
		Matcher literal = STRING_LITERAL.matcher(javaSource);
		while (literal.find()) {
			String text = (literal.group(1) != null) ? literal.group(1) : literal.group(2);
			Matcher reference = TABLE_REFERENCE.matcher(text);
			while (reference.find()) {
				String table = reference.group(1).toLowerCase(Locale.ROOT);
				if (tables.contains(table)) {
					named.add(table);
				}
			}
		}
		return named;
	}

}
