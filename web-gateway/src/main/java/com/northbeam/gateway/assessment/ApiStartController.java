package com.northbeam.gateway.assessment;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Starts an assessment through the JSON API: hands out its start token. */
@RestController
@RequestMapping("/api/v1/assessment")
class ApiStartController {

	static final String START_EXAMPLE = """
			{"startToken": "3q2-7wAAAAAAAAAAAAAAAAAAAZPx2k4A.p0N1bTSFp1VnT9uSEw3x0aVwJ8cH5s2Yq4kPbL6RmZA",
			 "expiresAt": "2026-11-19T09:30:00Z"}""";

	private final ApiStarts starts;

	ApiStartController(ApiStarts starts) {
		this.starts = starts;
	}

	@PostMapping("/starts")
	@Operation(summary = "Starts an assessment: a start token for its submission",
			description = "Call this when a person starts answering (when your form is shown to them), keep the "
					+ "token, and send it as startToken with their submission. It tells this site how long the "
					+ "assessment took, as the site's own wizard knows: a submission sent sooner after its start "
					+ "than a person can read and answer the questions is held for review, as is one without a "
					+ "start token of its own (none, one changed or not issued here, one past expiresAt, or one "
					+ "another submission already used). Held submissions are answered exactly like the others; "
					+ "staff review them before they become leads. One token per person and submission; the same "
					+ "submission sent again (same id) may carry it again. The token holds a random id and the "
					+ "time it was issued, nothing personal; nothing is stored until a submission uses it.",
			responses = @ApiResponse(responseCode = "200", description = "A new start token and when it expires",
					content = @Content(schema = @Schema(implementation = ApiStart.class),
							examples = @ExampleObject(name = "start", value = START_EXAMPLE))))
	ResponseEntity<ApiStart> start() {
		ApiStarts.Issued issued = starts.issue();
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(new ApiStart(issued.token(), issued.expiresAt()));
	}

	/**
	 * @param startToken the token to send with the submission
	 * @param expiresAt when the token stops counting as a start
	 */
	record ApiStart(String startToken, Instant expiresAt) {
	}

}
