package com.northbeam.testsupport.architecture;

import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The rules every service keeps, as tests: a service's {@code ArchitectureTests} extends
 * this with its {@link FeatureArchitecture} and adds its own rules.
 */
public abstract class FeatureArchitectureTests {

	/** The service's architecture; keep it in a static field, its classes load once. */
	protected abstract FeatureArchitecture architecture();

	@Test
	protected void featuresHaveNoCycles() {
		architecture().featuresHaveNoCycles().check(architecture().classes());
	}

	@Test
	protected void featuresUseOnlyEachOthersPublicFace() {
		architecture().featuresUseOnlyEachOthersPublicFace().check(architecture().classes());
	}

	@Test
	protected void systemDependsOnNoFeature() {
		architecture().systemDependsOnNoFeature().check(architecture().classes());
	}

	@Test
	protected void onlyRepositoriesRunSql() {
		architecture().onlyRepositoriesRunSql().check(architecture().classes());
	}

	@Test
	protected void sqlNamesOnlyTablesItsOwnFeatureOwns() {
		architecture().assertSqlNamesOnlyOwnTables();
	}

	@Test
	protected void noMainClassIsOver300Lines() {
		architecture().assertMainClassesAtMost(300);
	}

	@Test
	protected void controllersAndRepositoriesStayInsideTheirFeature() {
		classes().that()
			.haveSimpleNameEndingWith("Controller")
			.or()
			.haveSimpleNameEndingWith("Repository")
			.should()
			.notBePublic()
			.check(architecture().classes());
	}

}
