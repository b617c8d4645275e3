package com.northbeam.assessment;

import com.northbeam.testsupport.architecture.FeatureArchitecture;
import com.northbeam.testsupport.architecture.FeatureArchitectureTests;

/**
 * The rules every service keeps ({@link FeatureArchitectureTests}), derived from the
 * packages and from the {@code ### Tables} of docs/architecture.md.
 */
class ArchitectureTests extends FeatureArchitectureTests {

	static final String ROOT = "com.northbeam.assessment";

	static final FeatureArchitecture ARCHITECTURE = FeatureArchitecture.of(ROOT, "assessment-service");

	@Override
	protected FeatureArchitecture architecture() {
		return ARCHITECTURE;
	}

}
