package com.northbeam.assessment.cost;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The MSP's own prices and the rules of thumb used where a prospect gives no cost
 * figures. Changed by an admin through the API; each change is a new version and every
 * cost result names the version it used. All amounts are in {@code currency}, per year
 * unless the name says otherwise.
 *
 * @param currency ISO currency code the amounts are in
 * @param employeesPerBand users assumed for each answer to {@code employees}
 * @param itStaffByInternalIt full-time IT staff assumed for each answer to
 * {@code internal_it}
 * @param loadedSalary yearly cost of one IT employee including benefits, when not given
 * @param benefitsShare share of a loaded salary that is benefits and employment costs
 * @param toolsPerUser yearly tools and monitoring platforms spend per user, when not
 * given
 * @param recruitingTrainingPerItStaff yearly recruiting and training spend per IT
 * employee, when not given
 * @param recruitingShare share of recruiting and training spend that is recruiting
 * @param coManaged prices and effects of the co-managed plan
 * @param fullyManaged prices and effects of the fully managed plan
 * @param securityAddOnPerUserMonth monthly price per user of the security add-on
 * @param securityAddOnWhen answers to {@code security_complexity} for which the add-on is
 * included
 */
public record PriceAssumptions(@NotBlank @Size(max = 3) String currency,
		@NotEmpty Map<String, @NotNull @PositiveOrZero Integer> employeesPerBand,
		@NotEmpty Map<String, @NotNull @PositiveOrZero Double> itStaffByInternalIt, @PositiveOrZero double loadedSalary,
		@PositiveOrZero @DecimalMax("1") double benefitsShare, @PositiveOrZero double toolsPerUser,
		@PositiveOrZero double recruitingTrainingPerItStaff, @PositiveOrZero @DecimalMax("1") double recruitingShare,
		@Valid @NotNull Plan coManaged, @Valid @NotNull Plan fullyManaged,
		@PositiveOrZero double securityAddOnPerUserMonth, @NotNull List<String> securityAddOnWhen) {

	public PriceAssumptions {
		employeesPerBand = (employeesPerBand != null) ? Map.copyOf(employeesPerBand) : null;
		itStaffByInternalIt = (itStaffByInternalIt != null) ? Map.copyOf(itStaffByInternalIt) : null;
		securityAddOnWhen = (securityAddOnWhen != null) ? List.copyOf(securityAddOnWhen) : null;
	}

	/**
	 * @param perUserMonth the plan's monthly price per user
	 * @param projectsPerUser typical yearly spend on projects per user under the plan
	 * @param staffKept share of the internal IT staff cost the business keeps under the
	 * plan
	 * @param toolsKept share of today's tools and monitoring spend the business keeps
	 * paying
	 * @param recruitingKept share of recruiting and training spend that remains
	 */
	public record Plan(@PositiveOrZero double perUserMonth, @PositiveOrZero double projectsPerUser,
			@PositiveOrZero @DecimalMax("1") double staffKept, @PositiveOrZero @DecimalMax("1") double toolsKept,
			@PositiveOrZero @DecimalMax("1") double recruitingKept) {
	}

}
