package com.northbeam.gateway.assessment;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Retake with changes" on a result page, and "Retake with the prospect" on a lead: opens
 * the wizard filled with the earlier answers. The link carries the signed reference
 * ({@code ref}); an expired or unknown one gets a page that says so.
 */
@Controller
class RetakeController {

	private final Retakes retakes;

	private final AttributionCookie attribution;

	private final WizardStepPage page;

	RetakeController(Retakes retakes, AttributionCookie attribution, WizardStepPage page) {
		this.retakes = retakes;
		this.attribution = attribution;
		this.page = page;
	}

	@GetMapping("/assessment/retake")
	String start(@RequestParam(name = "ref", required = false) String reference, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<Draft> draft = retakes.start(reference, attribution.read(request));
		if (draft.isEmpty()) {
			response.setStatus(HttpStatus.GONE.value());
			return page.retakeExpired(model);
		}
		response.addHeader("Set-Cookie", WizardController.draftCookie(draft.get(), request).toString());
		return "redirect:/assessment";
	}

}
