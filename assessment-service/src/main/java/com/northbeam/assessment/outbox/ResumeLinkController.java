package com.northbeam.assessment.outbox;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public site asks for the email with a prospect's link to finish the assessment
 * later ({@code submissions:write}). The email is sent shortly, through the outbox.
 */
@RestController
class ResumeLinkController {

	private final ResumeLinks links;

	ResumeLinkController(ResumeLinks links) {
		this.links = links;
	}

	record Accepted(UUID id) {
	}

	@Operation(summary = "Sends a prospect the link to finish their assessment later (submissions:write)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "link", value = """
							{"email":"sam@harbour.example",
							 "link":"https://www.northbeam.example/assessment/resume/3q2-7wEAAABlZ0N8.Xm8A",
							 "expiresAt":"2026-03-12T14:05:00Z"}"""))))
	@PostMapping("/api/resume-links")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Accepted send(@RequestBody ResumeLinks.Email email) {
		return new Accepted(this.links.request(email));
	}

}
