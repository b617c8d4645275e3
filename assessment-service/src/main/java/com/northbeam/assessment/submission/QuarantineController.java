package com.northbeam.assessment.submission;

import java.security.Principal;
import java.util.List;
import java.util.UUID;

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

	@GetMapping
	List<Quarantine.Item> list(Principal principal) {
		return this.quarantine.waiting(principal.getName());
	}

	@PostMapping("/{id}/release")
	Quarantine.Decision release(@PathVariable UUID id, Principal principal) {
		return this.quarantine.release(id, principal.getName());
	}

	@PostMapping("/{id}/discard")
	Quarantine.Decision discard(@PathVariable UUID id, Principal principal) {
		return this.quarantine.discard(id, principal.getName());
	}

}
