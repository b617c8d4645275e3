package com.northbeam.assessment.scoring;

import java.util.List;

import com.northbeam.assessment.scoring.ScoringRules.Rule;
import com.northbeam.assessment.scoring.ScoringWorkbench.Draft;
import com.northbeam.assessment.scoring.PublishedRulesReader.PublishedRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The scoring workbench's API. Reads need {@code scoring:read}, draft edits
 * {@code scoring:draft}, trial runs {@code scoring:try} and publishing
 * {@code scoring:publish}; every call is audited.
 */
@RestController
@Validated
@Tag(name = "Scoring workbench", description = "Published scoring rules, drafts, trial runs and publishing (admins)")
@RequestMapping("/api/admin/scoring")
class ScoringWorkbenchController {

	private final PublishedRulesReader published;

	private final ScoringWorkbench workbench;

	ScoringWorkbenchController(PublishedRulesReader published, ScoringWorkbench workbench) {
		this.published = published;
		this.workbench = workbench;
	}

	@GetMapping("/published")
	@Operation(summary = "The published rules version with its rules, weights and guide anchors (scoring:read)")
	PublishedRules published(@AuthenticationPrincipal Jwt staff) {
		return this.published.published(staff.getSubject());
	}

	@GetMapping("/versions")
	@Operation(summary = "Every published rules version, newest first (scoring:read)")
	List<PublishedVersion> versions(@AuthenticationPrincipal Jwt staff) {
		return this.published.versions(staff.getSubject());
	}

	@GetMapping("/versions/{version}")
	@Operation(summary = "One published rules version's definition (scoring:read)")
	ScoringRules version(@PathVariable int version, @AuthenticationPrincipal Jwt staff) {
		return this.published.version(version, staff.getSubject());
	}

	@GetMapping("/decision-map")
	@Operation(summary = "Which model wins for each size band, internal IT and pressure level, "
			+ "for the published version or the given one (scoring:read)")
	DecisionMap decisionMap(@RequestParam(required = false) Integer version, @AuthenticationPrincipal Jwt staff) {
		return this.published.decisionMap(version, staff.getSubject());
	}

	@GetMapping("/personas")
	@Operation(summary = "The golden personas with the model the guide implies for each (scoring:read)")
	List<GoldenPersonas.Persona> personas(@AuthenticationPrincipal Jwt staff) {
		return this.workbench.personas(staff.getSubject());
	}

	@GetMapping("/drafts")
	@Operation(summary = "Drafts, newest first (scoring:read)")
	List<Draft> drafts(@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
			@AuthenticationPrincipal Jwt staff) {
		return this.workbench.drafts(staff.getSubject(), limit);
	}

	@GetMapping("/drafts/{id}")
	@Operation(summary = "One draft (scoring:read)")
	Draft draft(@PathVariable long id, @AuthenticationPrincipal Jwt staff) {
		return this.workbench.draft(id, staff.getSubject());
	}

	@GetMapping("/drafts/{id}/decision-map")
	@Operation(summary = "The decision map of a draft (scoring:read)")
	DecisionMap draftDecisionMap(@PathVariable long id, @AuthenticationPrincipal Jwt staff) {
		return this.workbench.draftDecisionMap(id, staff.getSubject());
	}

	@PostMapping("/drafts")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A new draft, copied from the published version (scoring:draft)")
	Draft createDraft(@AuthenticationPrincipal Jwt staff) {
		return this.workbench.createDraft(staff.getSubject());
	}

	@PutMapping("/drafts/{id}")
	@Operation(summary = "Replaces a draft's definition; 409 unless revision is the draft's newest, "
			+ "400 naming every problem (scoring:draft)")
	Draft saveDraft(@PathVariable long id, @RequestBody SaveDraft request, @AuthenticationPrincipal Jwt staff) {
		return this.workbench.saveDraft(id, request.revision(), request.definition(), staff.getSubject());
	}

	@PutMapping("/drafts/{id}/rules/{code}")
	@Operation(summary = "Replaces the rule with this code in a draft, or adds it (scoring:draft)")
	Draft saveRule(@PathVariable long id, @PathVariable String code, @RequestBody SaveRule request,
			@AuthenticationPrincipal Jwt staff) {
		return this.workbench.saveRule(id, code, request.revision(), request.rule(), staff.getSubject());
	}

	@PostMapping("/drafts/{id}/trial")
	@Operation(summary = "Runs a draft over the golden personas and every stored submission (scoring:try)")
	TrialRun trial(@PathVariable long id, @RequestParam(defaultValue = "1000") @Min(0) @Max(100000) int limit,
			@AuthenticationPrincipal Jwt staff) {
		return this.workbench.trial(id, limit, staff.getSubject());
	}

	@PostMapping("/drafts/{id}/publish")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Publishes a draft as the next rules version, used at once for new submissions; "
			+ "a reason is required when golden personas fail (scoring:publish)")
	PublishedVersion publish(@PathVariable long id, @RequestBody Publish request, @AuthenticationPrincipal Jwt staff) {
		return this.workbench.publish(id, request.revision(), request.reason(), staff.getSubject());
	}

	/**
	 * @param revision the draft revision the change is based on
	 * @param definition the whole definition ({@code version} and
	 * {@code questionnaireVersion} are ignored)
	 */
	record SaveDraft(@NotNull Integer revision, @NotNull ScoringRules definition) {
	}

	/**
	 * @param revision the draft revision the change is based on
	 * @param rule the rule, its code equal to the one in the path
	 */
	record SaveRule(@NotNull Integer revision, @NotNull Rule rule) {
	}

	/**
	 * @param revision the draft revision to publish
	 * @param reason why to publish although golden personas fail (required then)
	 */
	record Publish(@NotNull Integer revision, String reason) {
	}

}
