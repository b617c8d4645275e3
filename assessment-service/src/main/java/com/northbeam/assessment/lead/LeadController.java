package com.northbeam.assessment.lead;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import com.northbeam.assessment.lead.LeadDetail.TimelineEntry;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sales dashboard's lead API: list (filters, sorts, keyset pages), detail, pipeline
 * moves, owner, notes and the CSV export. The acting staff member is the token's subject.
 */
@RestController
@RequestMapping("/api/leads")
class LeadController {

	private final Leads leads;

	private final LeadChanges changes;

	LeadController(Leads leads, LeadChanges changes) {
		this.leads = leads;
		this.changes = changes;
	}

	@Operation(summary = "Leads, filtered and sorted, one keyset page at a time, each with how long it has waited "
			+ "for a first contact or how long that took; overdue=true keeps those past the response target "
			+ "(leads:read)")
	@GetMapping
	Leads.Page list(@RequestParam(name = "status", required = false) List<String> status,
			@RequestParam(name = "recommendation", required = false) List<String> recommendation,
			@RequestParam(required = false) String owner, @RequestParam(required = false) Integer minPriority,
			@RequestParam(required = false) Integer maxPriority, @RequestParam(required = false) String createdFrom,
			@RequestParam(required = false) String createdTo, @RequestParam(required = false) String q,
			@RequestParam(required = false) Boolean overdue, @RequestParam(defaultValue = "priority") String sort,
			@RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String after,
			Principal principal) {
		LeadFilter filter = LeadFilter.of(status, recommendation, owner, minPriority, maxPriority, createdFrom,
				createdTo, q, overdue);
		return this.leads.list(filter, sort, limit, after, principal.getName());
	}

	@Operation(summary = "The filtered leads as CSV (leads:read)")
	@GetMapping(path = "/export.csv")
	void export(@RequestParam(name = "status", required = false) List<String> status,
			@RequestParam(name = "recommendation", required = false) List<String> recommendation,
			@RequestParam(required = false) String owner, @RequestParam(required = false) Integer minPriority,
			@RequestParam(required = false) Integer maxPriority, @RequestParam(required = false) String createdFrom,
			@RequestParam(required = false) String createdTo, @RequestParam(required = false) String q,
			@RequestParam(required = false) Boolean overdue, @RequestParam(defaultValue = "priority") String sort,
			Principal principal, HttpServletResponse response) throws IOException {
		LeadFilter filter = LeadFilter.of(status, recommendation, owner, minPriority, maxPriority, createdFrom,
				createdTo, q, overdue);
		Leads.checkSort(sort);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"leads.csv\"");
		Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
				64 * 1024);
		this.leads.exportCsv(filter, sort, principal.getName(), out);
		out.flush();
	}

	@Operation(summary = "One lead with its answers, result, timeline and notes (leads:read)")
	@GetMapping("/{id}")
	LeadDetail detail(@PathVariable UUID id, Principal principal) {
		return this.leads.read(id, principal.getName());
	}

	record StatusChange(Integer version, String status, String lostReason) {
	}

	@Operation(
			summary = "Moves a lead to another pipeline status; 409 unless version is the lead's current one (leads:write)")
	@PostMapping("/{id}/status")
	LeadDetail status(@PathVariable UUID id, @RequestBody StatusChange change, Principal principal) {
		return this.changes.changeStatus(id, principal.getName(), change.version(), change.status(),
				change.lostReason());
	}

	record OwnerChange(Integer version, String owner) {
	}

	@Operation(summary = "Assigns a lead to a staff member; 409 unless version is the lead's current one (leads:write)")
	@PostMapping("/{id}/owner")
	LeadDetail owner(@PathVariable UUID id, @RequestBody OwnerChange change, Principal principal) {
		return this.changes.assign(id, principal.getName(), change.version(), change.owner());
	}

	/** {@code kind}: {@code note} (when absent), {@code call} or {@code email}. */
	record Note(String text, String kind) {
	}

	@Operation(summary = "Adds a note to a lead's timeline; a note of kind call or email is the lead's first "
			+ "contact if it had none (leads:write)")
	@PostMapping("/{id}/notes")
	@ResponseStatus(HttpStatus.CREATED)
	TimelineEntry note(@PathVariable UUID id, @RequestBody Note note, Principal principal) {
		return this.changes.addNote(id, principal.getName(), note.text(), note.kind());
	}

	/**
	 * A stale version or a move the pipeline does not allow: {@code 409} with the current
	 * lead.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> stale(StaleLeadException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("Conflict");
		problem.setProperty("errors", ex.errors());
		problem.setProperty("current", ex.current());
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

}
