package com.northbeam.content;

import com.northbeam.testsupport.architecture.FeatureArchitecture;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The shared rules of {@link FeatureArchitecture}, derived from the packages and from the
 * {@code ### Tables} of docs/architecture.md, plus two of this service's own.
 */
class ArchitectureTests {

	static final String ROOT = "com.northbeam.content";

	static final FeatureArchitecture ARCHITECTURE = FeatureArchitecture.of(ROOT, "content-service");

	@Test
	void featuresHaveNoCycles() {
		ARCHITECTURE.featuresHaveNoCycles().check(ARCHITECTURE.classes());
	}

	@Test
	void featuresUseOnlyEachOthersPublicFace() {
		ARCHITECTURE.featuresUseOnlyEachOthersPublicFace().check(ARCHITECTURE.classes());
	}

	@Test
	void systemDependsOnNoFeature() {
		ARCHITECTURE.systemDependsOnNoFeature().check(ARCHITECTURE.classes());
	}

	@Test
	void onlyRepositoriesRunSql() {
		ARCHITECTURE.onlyRepositoriesRunSql().check(ARCHITECTURE.classes());
	}

	@Test
	void sqlNamesOnlyTablesItsOwnFeatureOwns() {
		ARCHITECTURE.assertSqlNamesOnlyOwnTables();
	}

	@Test
	void noMainClassIsOver300Lines() {
		ARCHITECTURE.assertMainClassesAtMost(300);
	}

	/**
	 * Markdown and sanitising are shared by every feature that stores writing, so they
	 * use none.
	 */
	@Test
	void renderingDependsOnNothingElseOfTheService() {
		noClasses().that()
			.resideInAPackage(ROOT + ".rendering..")
			.should()
			.dependOnClassesThat(resideInAPackage(ROOT + "..").and(not(resideInAPackage(ROOT + ".rendering.."))))
			.check(ARCHITECTURE.classes());
	}

	@Test
	void controllersAndRepositoriesStayInsideTheirFeature() {
		classes().that()
			.haveSimpleNameEndingWith("Controller")
			.or()
			.haveSimpleNameEndingWith("Repository")
			.should()
			.notBePublic()
			.check(ARCHITECTURE.classes());
	}

}
