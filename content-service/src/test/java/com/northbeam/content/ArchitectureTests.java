package com.northbeam.content;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.northbeam.content");

	@Test
	void featuresHaveNoCycles() {
		slices().matching("com.northbeam.content.(*)..").should().beFreeOfCycles().check(classes);
	}

	@Test
	void theSystemPackageAndRenderingDependOnNoFeature() {
		noClasses().that()
			.resideInAnyPackage("..content.system..", "..content.rendering..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..content.article..", "..content.faq..", "..content.search..", "..content.seed..")
			.check(classes);
	}

	@Test
	void controllersAndRepositoriesStayInsideTheirFeature() {
		classes().that()
			.haveSimpleNameEndingWith("Controller")
			.or()
			.haveSimpleNameEndingWith("Repository")
			.should()
			.notBePublic()
			.check(classes);
	}

}
