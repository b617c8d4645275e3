package com.northbeam.assessment.cost;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The optional cost figures a prospect may give; any of them may be {@code null}.
 *
 * @param internalItStaff people working on IT in-house, in full-time equivalents
 * @param averageLoadedSalary yearly cost of one IT employee including benefits
 * @param toolsSpend yearly spend on tools and monitoring platforms
 * @param recruitingTrainingSpend yearly spend on recruiting and training IT staff
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CostInputs(@JsonProperty("internal_it_staff") Double internalItStaff,
		@JsonProperty("average_loaded_salary") Double averageLoadedSalary,
		@JsonProperty("tools_spend") Double toolsSpend,
		@JsonProperty("recruiting_training_spend") Double recruitingTrainingSpend) {

	public static final CostInputs NONE = new CostInputs(null, null, null, null);

}
