package com.northbeam.assessment;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Features depend on each other only through their public faces, and never in a cycle.
 */
class ArchitectureTests {

	static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.northbeam.assessment");

	@Test
	void featuresHaveNoCycles() {
		slices().matching("com.northbeam.assessment.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void theSystemPackageDependsOnNoFeature() {
		noClasses().that()
			.resideInAPackage("..assessment.system..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..assessment.questionnaire..", "..assessment.scoring..", "..assessment.cost..",
					"..assessment.submission..", "..assessment.lead..", "..assessment.audit..",
					"..assessment.privacy..", "..assessment.funnel..", "..assessment.outbox..")
			.check(CLASSES);
	}

	@Test
	void otherFeaturesReachLeadsOnlyThroughTheirFace() {
		noClasses().that()
			.resideOutsideOfPackage("..assessment.lead..")
			.should()
			.dependOnClassesThat(JavaClass.Predicates.resideInAPackage("..assessment.lead..")
				.and(DescribedPredicate.not(HasName.Predicates
					.nameMatching("com\\.northbeam\\.assessment\\.lead\\.(Leads|LeadContacts|LeadContact|LeadEvent)"))))
			.check(CLASSES);
	}

	@Test
	void onlyTheSubmissionFeatureWritesSubmissions() {
		noClasses().that()
			.resideOutsideOfPackage("..assessment.submission..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..assessment.submission..")
			.check(CLASSES);
	}

}
