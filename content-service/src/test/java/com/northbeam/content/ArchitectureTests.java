package com.northbeam.content;

import com.northbeam.testsupport.architecture.FeatureArchitecture;
import com.northbeam.testsupport.architecture.FeatureArchitectureTests;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The rules every service keeps ({@link FeatureArchitectureTests}), derived from the
 * packages and from the {@code ### Tables} of docs/architecture.md, plus one of this
 * service's own.
 */
class ArchitectureTests extends FeatureArchitectureTests {

	static final String ROOT = "com.northbeam.content";

	static final FeatureArchitecture ARCHITECTURE = FeatureArchitecture.of(ROOT, "content-service");

	@Override
	protected FeatureArchitecture architecture() {
		return ARCHITECTURE;
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

}
