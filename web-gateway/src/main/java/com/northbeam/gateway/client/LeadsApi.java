package com.northbeam.gateway.client;

import java.io.InputStream;
import java.util.List;
import java.util.UUID;

import com.northbeam.gateway.client.LeadsClient.LeadDetail;
import com.northbeam.gateway.client.LeadsClient.LeadPage;

import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/** assessment-service's leads API for the sales dashboard. */
@HttpExchange("/api/leads")
interface LeadsApi {

	/** {@code query} holds the filter, the page size and the cursor. */
	@GetExchange
	LeadPage leads(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
			@RequestParam MultiValueMap<String, String> query);

	@GetExchange("/{id}")
	LeadDetail lead(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable UUID id);

	@PostExchange("/{id}/status")
	LeadDetail changeStatus(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable UUID id,
			@RequestBody StatusChange change);

	@PostExchange("/{id}/owner")
	LeadDetail assign(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable UUID id,
			@RequestBody OwnerChange change);

	@PostExchange("/{id}/notes")
	void addNote(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable UUID id, @RequestBody Note note);

	@PostExchange("/{id}/responsibility/{function}")
	Brief.Responsibility editResponsibility(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable UUID id,
			@PathVariable String function, @RequestBody CellEdit edit);

	@GetExchange(url = "/{id}/responsibility.csv", accept = "text/csv")
	String responsibilityCsv(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable UUID id);

	@GetExchange(url = "/{id}/responsibility.md", accept = "text/markdown")
	String responsibilityMarkdown(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable UUID id);

	/** The CSV export as a stream the caller must close. */
	@GetExchange(url = "/export.csv", accept = "text/csv")
	ResponseEntity<InputStream> exportCsv(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
			@RequestParam MultiValueMap<String, String> filter);

	@GetExchange("/quarantine")
	List<LeadsClient.QuarantinedSubmission> quarantine(@RequestAttribute(Caller.ATTRIBUTE) Caller caller);

	@PostExchange("/quarantine/{id}/release")
	LeadsClient.QuarantineDecision release(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable UUID id);

	@PostExchange("/quarantine/{id}/discard")
	LeadsClient.QuarantineDecision discard(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable UUID id);

	record StatusChange(int version, String status, String lostReason) {
	}

	record OwnerChange(int version, String owner) {
	}

	record Note(String text, String kind) {
	}

	record CellEdit(int version, String owner, String note) {
	}

}
