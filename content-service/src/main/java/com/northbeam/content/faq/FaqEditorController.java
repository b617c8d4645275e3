package com.northbeam.content.faq;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Editing FAQs; needs the {@code content:write} scope. */
@RestController
@RequestMapping("/api/editor/faqs")
class FaqEditorController {

	private final Faqs faqs;

	FaqEditorController(Faqs faqs) {
		this.faqs = faqs;
	}

	@GetMapping
	@Operation(summary = "Every FAQ as the editor sees it")
	List<EditorFaq> all() {
		return faqs.all();
	}

	@PostMapping
	@Operation(summary = "Creates an FAQ")
	ResponseEntity<EditorFaq> create(@Valid @RequestBody FaqForm form) {
		EditorFaq created = faqs.create(form);
		return ResponseEntity.created(URI.create("/api/editor/faqs/" + created.id())).body(created);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replaces an FAQ")
	EditorFaq update(@PathVariable long id, @Valid @RequestBody FaqForm form) {
		return faqs.update(id, form);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Deletes an FAQ")
	ResponseEntity<Void> delete(@PathVariable long id) {
		faqs.delete(id);
		return ResponseEntity.noContent().build();
	}

}
