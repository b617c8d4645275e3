package com.northbeam.assessment.responsetarget;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admins read and change the response target; every change is kept. */
@RestController
@Validated
@RequestMapping("/api/admin/response-target")
class ResponseTargetController {

	private final ResponseTargets targets;

	ResponseTargetController(ResponseTargets targets) {
		this.targets = targets;
	}

	/**
	 * A version as the API shows it: times as {@code HH:mm}, an {@code end} of
	 * {@code 00:00} being the midnight ending the day.
	 */
	record View(int version, int minutes, String timeZone, List<DayOfWeek> days, String start, String end,
			Instant createdAt, String createdBy) {

		static View of(ResponseTarget target) {
			BusinessHours hours = target.hours();
			return new View(target.version(), target.minutes(), hours.zone().getId(),
					hours.days().stream().sorted().toList(), hhmm(hours.start()), hhmm(hours.end()), target.createdAt(),
					target.createdBy());
		}

		private static String hhmm(LocalTime time) {
			return String.format("%02d:%02d", time.getHour(), time.getMinute());
		}

	}

	@Operation(summary = "The response target in force: working minutes a new lead may wait for its first "
			+ "contact, and the working hours they count in (admin)")
	@GetMapping
	View current() {
		return View.of(this.targets.current());
	}

	@Operation(summary = "Stores a new response target as the next version; 409 unless basedOnVersion is the "
			+ "newest (admin)")
	@ApiResponse(responseCode = "200", description = "The version saved")
	@ApiResponse(responseCode = "409", description = "Someone saved a newer version first; nothing was stored",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(ref = "#/components/schemas/Problem"),
					examples = @ExampleObject(
							value = "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,\"detail\":\"The response "
									+ "target was changed meanwhile; the newest version is 4\",\"errors\":[{\"field\":"
									+ "\"basedOnVersion\",\"message\":\"is not the newest version (4)\"}]}")))
	@PutMapping
	View update(@RequestBody ResponseTargets.Input input, @RequestParam(required = false) Integer basedOnVersion,
			@AuthenticationPrincipal Jwt staff) {
		return View.of(this.targets.update(input, basedOnVersion, staff.getSubject()));
	}

	@Operation(summary = "Earlier response targets, newest first (admin)")
	@GetMapping("/history")
	List<View> history(@RequestParam(defaultValue = "20") @Min(1) @Max(1000) int limit) {
		return this.targets.history(limit).stream().map(View::of).toList();
	}

}
