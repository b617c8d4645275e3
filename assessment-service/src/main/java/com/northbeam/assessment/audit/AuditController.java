package com.northbeam.assessment.audit;

import java.time.Instant;
import java.util.List;

import com.northbeam.assessment.audit.AuditRepository.Entry;
import com.northbeam.assessment.system.InvalidInputException;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins page through the audit trail, newest first, filtered by actor, action and time.
 */
@RestController
class AuditController {

	private final AuditRepository repository;

	AuditController(AuditRepository repository) {
		this.repository = repository;
	}

	record Page(List<Entry> items, String nextCursor) {
	}

	@Operation(summary = "The audit trail, newest first, filtered by actor, action and time (admin)")
	@GetMapping("/api/admin/audit")
	Page audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String after) {
		if (limit < 1 || limit > 500) {
			throw InvalidInputException.of("limit", "must be between 1 and 500");
		}
		Long afterId = null;
		if (after != null) {
			try {
				afterId = Long.parseLong(after);
			}
			catch (NumberFormatException ex) {
				throw InvalidInputException.of("after", "is not a cursor of this list");
			}
		}
		List<Entry> rows = this.repository.page(actor, action, from, to, afterId, limit + 1);
		if (rows.size() > limit) {
			List<Entry> page = rows.subList(0, limit);
			return new Page(List.copyOf(page), Long.toString(page.get(limit - 1).id()));
		}
		return new Page(rows, null);
	}

}
