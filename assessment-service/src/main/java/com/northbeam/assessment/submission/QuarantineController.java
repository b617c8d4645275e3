package com.northbeam.assessment.submission;

import java.security.Principal;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Quarantined submissions for staff (scopes {@code quarantine:read} and
 * {@code quarantine:write}): the list with every reason, release (the lead is made now)
 * and discard (the contact details are deleted). A decision on a decided submission is a
 * {@code 409}.
 */
@RestController
@RequestMapping("/api/leads/quarantine")
class QuarantineController {

	private final Quarantine quarantine;

	QuarantineController(Quarantine quarantine) {
		this.quarantine = quarantine;
	}

	@Operation(
			summary = "Submissions that looked automated and wait for a decision, newest first, with every reason (audited)")
	@GetMapping
	List<Quarantine.Item> list(Principal principal) {
		return this.quarantine.waiting(principal.getName());
	}

	@Operation(
			summary = "Releases a quarantined submission: it becomes a lead with its notifications, exactly once (audited)")
	@PostMapping("/{id}/release")
	Quarantine.Decision release(@PathVariable UUID id, Principal principal) {
		return this.quarantine.release(id, principal.getName());
	}

	@Operation(summary = "Discards a quarantined submission: its personal data is deleted (audited)")
	@PostMapping("/{id}/discard")
	Quarantine.Decision discard(@PathVariable UUID id, Principal principal) {
		return this.quarantine.discard(id, principal.getName());
	}

}
