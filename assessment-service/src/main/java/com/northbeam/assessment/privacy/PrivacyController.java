package com.northbeam.assessment.privacy;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.northbeam.assessment.lead.LeadPrivacy;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins answer data subject requests: export all personal data of a lead, or erase it; a
 * colleague who answered the technical questions of one of the lead's assessments is
 * erased on their own. All audited.
 */
@RestController
@RequestMapping("/api/admin/leads/{id}")
class PrivacyController {

	private final LeadPrivacy leads;

	PrivacyController(LeadPrivacy leads) {
		this.leads = leads;
	}

	@Operation(summary = "Every piece of personal data held on a lead, for a data subject request (admin)")
	@GetMapping("/export")
	Map<String, Object> export(@PathVariable UUID id, Principal principal) {
		return this.leads.personalData(id, principal.getName());
	}

	/**
	 * The erased lead, its newest submission and every submission it holds (the first and
	 * each retake), so the gateway can erase any copy it still keeps of them.
	 */
	record Erasure(UUID id, UUID submissionId, List<UUID> submissionIds, boolean erased, boolean alreadyErased) {
	}

	@Operation(summary = "Erases a lead's personal data and names its submission (admin)")
	@PostMapping("/erase")
	Erasure erase(@PathVariable UUID id, Principal principal) {
		LeadPrivacy.Erasure erasure = this.leads.erase(id, principal.getName());
		return new Erasure(id, erasure.submissionId(), erasure.submissionIds(), true, erasure.alreadyErased());
	}

	/** Whether the colleague of the lead had personal data to erase. */
	record ColleagueErasure(UUID id, boolean erased) {
	}

	/**
	 * {@code submission} names the assessment whose colleague asked to be erased (a lead
	 * has one colleague per assessment that invited one); it may be left out while the
	 * lead has only one colleague with personal data.
	 */
	@Operation(summary = "Erases the personal data of the colleague who answered the technical questions of one of "
			+ "a lead's assessments, keeping the lead's own and its other colleagues' (admin)")
	@PostMapping("/colleague/erase")
	ColleagueErasure eraseColleague(@PathVariable UUID id, @RequestParam(required = false) UUID submission,
			Principal principal) {
		return new ColleagueErasure(id, this.leads.eraseColleague(id, submission, principal.getName()));
	}

}
