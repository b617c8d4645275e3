package com.northbeam.content.faq;

import com.northbeam.content.system.PublicResponses;
import com.northbeam.content.system.PublicResponses.Representation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.time.Instant;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class FaqController {

	private final Faqs faqs;

	private final PublicResponses responses;

	FaqController(Faqs faqs, PublicResponses responses) {
		this.faqs = faqs;
		this.responses = responses;
	}

	@GetMapping("/api/faqs")
	@Operation(summary = "All FAQs in order (public)", responses = @ApiResponse(responseCode = "200",
			content = @Content(array = @ArraySchema(schema = @Schema(implementation = Faq.class)))))
	ResponseEntity<byte[]> faqs() {
		return responses.serve("faqs", () -> {
			List<Faq> all = faqs.published();
			return Representation.of(all, faqs.lastModified().orElse(Instant.EPOCH));
		});
	}

}
