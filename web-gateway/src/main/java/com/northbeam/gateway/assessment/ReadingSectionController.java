package com.northbeam.gateway.assessment;

import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Where the site's script reports a guide section chosen on an article's page (a link to
 * {@code #anchor} on the same page, which reaches no server). Only the visitor's own
 * reading session counts: its cookie is {@code SameSite=Lax}, so a post from another site
 * carries none, and such a post is ignored in any case. The answer is always {@code 204}.
 */
@Controller
class ReadingSectionController {

	static final String PATH = "/reading/sections";

	private final ReadingHistory history;

	ReadingSectionController(ReadingHistory history) {
		this.history = history;
	}

	@PostMapping(PATH)
	ResponseEntity<Void> sectionRead(@RequestParam(defaultValue = "") String slug,
			@RequestParam(defaultValue = "") String section, HttpServletRequest request) {
		Optional<UUID> session = ReadingCookies.session(request);
		String site = request.getHeader("Sec-Fetch-Site");
		if (session.isPresent() && ReadingCookies.mayRecord(request) && (site == null || "same-origin".equals(site))) {
			history.sectionRead(session.get(), slug, section);
		}
		return ResponseEntity.noContent().build();
	}

}
