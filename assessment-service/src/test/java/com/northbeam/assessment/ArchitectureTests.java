package com.northbeam.assessment;

import java.util.List;
import java.util.Set;

import com.northbeam.testsupport.architecture.FeatureArchitecture;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared rules of {@link FeatureArchitecture}, derived from the packages and from the
 * {@code ### Tables} of docs/architecture.md, plus one of this service's own.
 */
class ArchitectureTests {

	static final String ROOT = "com.northbeam.assessment";

	static final FeatureArchitecture ARCHITECTURE = FeatureArchitecture.of(ROOT, "assessment-service");

	/*
	 * Exclusions removed when outbox-lease merges. Until then the outbox's dispatcher
	 * (335 lines) and notification API run their SQL outside repositories, and the
	 * dispatcher's SQL joins lead for contact details; the outbox-lease branch rewrites
	 * both. Each rule below also fails when an exclusion is no longer needed, so none can
	 * outlive the merge.
	 */

	static final String DISPATCHER = ROOT + ".outbox.Dispatcher";

	static final String NOTIFICATION_CONTROLLER = ROOT + ".outbox.NotificationController";

	static final Set<String> RUN_SQL_UNTIL_OUTBOX_LEASE_MERGES = Set.of(DISPATCHER, NOTIFICATION_CONTROLLER);

	static final Set<String> NAME_LEAD_UNTIL_OUTBOX_LEASE_MERGES = Set.of(DISPATCHER);

	static final Set<String> OVER_300_LINES_UNTIL_OUTBOX_LEASE_MERGES = Set.of(DISPATCHER);

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
		DescribedPredicate<JavaClass> excluded = DescribedPredicate.describe("excluded until outbox-lease merges",
				(javaClass) -> RUN_SQL_UNTIL_OUTBOX_LEASE_MERGES.contains(javaClass.getName())
						|| RUN_SQL_UNTIL_OUTBOX_LEASE_MERGES.contains(javaClass.getName().replaceFirst("\\$.*", "")));
		JavaClasses classes = ARCHITECTURE.classes();
		ARCHITECTURE.onlyRepositoriesRunSql().check(classes.that(DescribedPredicate.not(excluded)));
		List<String> stillRunningSql = ARCHITECTURE.onlyRepositoriesRunSql()
			.evaluate(classes.that(excluded))
			.getFailureReport()
			.getDetails();
		for (String name : RUN_SQL_UNTIL_OUTBOX_LEASE_MERGES) {
			assertThat(stillRunningSql).as("%s runs no SQL any more: remove its exclusion", name)
				.anyMatch((line) -> line.contains("<" + name + "."));
		}
	}

	@Test
	void sqlNamesOnlyTablesItsOwnFeatureOwns() {
		String failure = failureOf(ARCHITECTURE::assertSqlNamesOnlyOwnTables);
		List<String> problems = failure.lines().skip(1).map(String::strip).toList();
		assertOnlyExcludedFail(problems, NAME_LEAD_UNTIL_OUTBOX_LEASE_MERGES);
	}

	@Test
	void noMainClassIsOver300Lines() {
		String failure = failureOf(() -> ARCHITECTURE.assertMainClassesAtMost(300));
		List<String> problems = failure.isEmpty() ? List.of()
				: List.of(failure.substring(failure.indexOf('{') + 1, failure.lastIndexOf('}')).split(", "));
		assertOnlyExcludedFail(problems, OVER_300_LINES_UNTIL_OUTBOX_LEASE_MERGES);
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

	/** The message of a shared rule's failure, empty when it passes. */
	private static String failureOf(Runnable rule) {
		try {
			rule.run();
			return "";
		}
		catch (AssertionError ex) {
			return ex.getMessage();
		}
	}

	/**
	 * Fails on every problem but those of the excluded classes' files, and on an
	 * exclusion that is no longer needed.
	 */
	private static void assertOnlyExcludedFail(List<String> problems, Set<String> excluded) {
		List<String> files = excluded.stream()
			.map((name) -> "src/main/java/" + name.replace('.', '/') + ".java")
			.toList();
		assertThat(problems).as("problems outside the exclusions until outbox-lease merges")
			.filteredOn((problem) -> files.stream().noneMatch(problem::startsWith))
			.isEmpty();
		for (String file : files) {
			assertThat(problems).as("%s passes now: remove its exclusion", file)
				.anyMatch((problem) -> problem.startsWith(file));
		}
	}

}
