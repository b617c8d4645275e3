package com.northbeam.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Features depend on each other only through public types, and never in a cycle. */
class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.northbeam.gateway");

	@Test
	void featuresAreFreeOfCycles() {
		slices().matching("com.northbeam.gateway.(*)..").should().beFreeOfCycles().check(classes);
	}

}
