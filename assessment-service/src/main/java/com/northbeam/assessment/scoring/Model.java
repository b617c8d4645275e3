package com.northbeam.assessment.scoring;

import java.util.List;

/**
 * The support models the assessment recommends between; the codes are part of the API.
 */
public final class Model {

	public static final String CO_MANAGED = "co_managed";

	public static final String FULLY_MANAGED = "fully_managed";

	public static final String HYBRID = "hybrid";

	/** All models, in the order that breaks an exact tie. */
	public static final List<String> ALL = List.of(CO_MANAGED, FULLY_MANAGED, HYBRID);

	private Model() {
	}

}
