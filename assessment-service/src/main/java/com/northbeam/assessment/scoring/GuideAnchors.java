package com.northbeam.assessment.scoring;

import java.util.Set;

/**
 * The heading ids of the main guide that factors link to. They are a contract with
 * content-service (see {@code docs/conventions.md}); a rule naming any other id is
 * refused at start-up.
 */
public final class GuideAnchors {

	public static final Set<String> ALL = Set.of("why-the-support-model-matters", "what-is-co-managed-it",
			"what-is-fully-managed-it", "side-by-side-comparison", "when-co-managed-it-makes-sense",
			"internal-team-overloaded", "missing-specialised-skills", "growth-outpacing-capacity", "limited-coverage",
			"when-fully-managed-it-makes-sense", "no-dedicated-it-team", "technology-getting-complex",
			"predictable-operations", "hiring-is-hard", "cost-considerations", "common-misconceptions",
			"questions-to-ask-before-choosing", "typical-progression", "choosing-the-right-model", "faq");

	private GuideAnchors() {
	}

}
