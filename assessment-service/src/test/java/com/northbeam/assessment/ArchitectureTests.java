package com.northbeam.assessment;

import com.northbeam.testsupport.architecture.FeatureArchitecture;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The shared rules of {@link FeatureArchitecture}, derived from the packages and from the
 * {@code ### Tables} of docs/architecture.md, plus one of this service's own.
 */
class ArchitectureTests {

	static final String ROOT = "com.northbeam.assessment";

	static final FeatureArchitecture ARCHITECTURE = FeatureArchitecture.of(ROOT, "assessment-service");

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
