package com.northbeam.assessment.cost;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admins read and change the MSP's price assumptions; every change is kept. */
@RestController
@Validated
@RequestMapping("/api/admin/price-assumptions")
class PriceAssumptionsController {

	private final Costs costs;

	PriceAssumptionsController(Costs costs) {
		this.costs = costs;
	}

	@Operation(summary = "The current price assumptions with their version (admin)")
	@GetMapping
	VersionedAssumptions current() {
		return this.costs.stored();
	}

	@Operation(summary = "Stores new price assumptions as the next version (admin)")
	@PutMapping
	VersionedAssumptions update(@Valid @RequestBody PriceAssumptions assumptions,
			@RequestParam(required = false) Integer basedOnVersion, @AuthenticationPrincipal Jwt staff) {
		return this.costs.update(assumptions, basedOnVersion, staff.getSubject());
	}

	@Operation(summary = "Earlier price assumption versions, newest first (admin)")
	@GetMapping("/history")
	List<VersionedAssumptions> history(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
		return this.costs.history(limit);
	}

}
