package com.northbeam.assessment.brief;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A lead's responsibility matrix for sales: read it, edit a cell (with the version it was
 * based on; a stale one gets {@code 409}), a cell's edits, and the CSV and Markdown
 * exports. Under {@code /api/leads}, so scoped like every other lead read and change.
 */
@RestController
@RequestMapping("/api/leads/{id}")
class ResponsibilityController {

	private final ResponsibilityEdits edits;

	ResponsibilityController(ResponsibilityEdits edits) {
		this.edits = edits;
	}

	@Operation(summary = "A lead's responsibility matrix: the proposal with the newest edit of each cell beside it")
	@GetMapping("/responsibility")
	Responsibility matrix(@PathVariable UUID id, Principal principal) {
		return this.edits.read(id, principal.getName());
	}

	record CellEdit(Integer version, String owner, String note) {
	}

	@Operation(
			summary = "Changes who owns one function of a lead's matrix, based on the cell version the caller saw (audited)")
	@PostMapping("/responsibility/{function}")
	Responsibility edit(@PathVariable UUID id, @PathVariable String function, @RequestBody CellEdit edit,
			Principal principal) {
		return this.edits.edit(id, function, edit.version(), edit.owner(), edit.note(), principal.getName());
	}

	@Operation(summary = "Every edit of one cell of a lead's matrix, oldest first")
	@GetMapping("/responsibility/{function}/edits")
	List<Responsibility.Edit> history(@PathVariable UUID id, @PathVariable String function) {
		return this.edits.history(id, function);
	}

	@Operation(summary = "A lead's matrix as CSV, to start a proposal (audited)")
	@GetMapping("/responsibility.csv")
	ResponseEntity<String> csv(@PathVariable UUID id, Principal principal) {
		return download(this.edits.export(id, "csv", principal.getName()),
				new MediaType("text", "csv", StandardCharsets.UTF_8), "responsibility-" + id + ".csv");
	}

	@Operation(summary = "A lead's matrix as Markdown, to start a proposal (audited)")
	@GetMapping("/responsibility.md")
	ResponseEntity<String> markdown(@PathVariable UUID id, Principal principal) {
		return download(this.edits.export(id, "md", principal.getName()),
				new MediaType("text", "markdown", StandardCharsets.UTF_8), "responsibility-" + id + ".md");
	}

	private static ResponseEntity<String> download(String body, MediaType type, String filename) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.contentType(type)
			.body(body);
	}

}
