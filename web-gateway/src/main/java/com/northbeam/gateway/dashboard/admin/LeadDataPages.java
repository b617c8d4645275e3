package com.northbeam.gateway.dashboard.admin;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.northbeam.gateway.client.AdminNotFoundException;
import com.northbeam.gateway.client.AssessmentAdminClient;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A lead's personal data: download everything stored about it as JSON, or erase it for
 * good after a confirmation step. Reached from this page (the admin enters or pastes a
 * lead id) or by a form on the lead's detail page posting to
 * {@code /dashboard/admin/leads/{id}/export} or
 * {@code /dashboard/admin/leads/{id}/erase}; the personal data of a colleague who
 * answered the lead's IT questions is erased on its own
 * ({@code /dashboard/admin/leads/{id}/colleague/erase}).
 */
@Controller
@RequestMapping("/dashboard/admin/leads")
class LeadDataPages {

	static final String CONFIRMATION = "erase";

	private final AssessmentAdminClient admin;

	private final MessageSource messages;

	LeadDataPages(AssessmentAdminClient admin, MessageSource messages) {
		this.admin = admin;
		this.messages = messages;
	}

	/**
	 * With a lead id, shows what can be done with it; an id that is not one is shown as
	 * an error.
	 */
	@GetMapping
	String page(@RequestParam(required = false) String leadId, Model model, Locale locale) {
		String entered = (leadId != null) ? leadId.trim() : "";
		model.addAttribute("leadId", entered.length() > 100 ? entered.substring(0, 100) : entered);
		if (!entered.isEmpty()) {
			UUID id = parse(entered);
			if (id == null) {
				model.addAttribute("errors",
						Map.of("leadId", messages.getMessage("admin.leads.error.id", null, locale)));
			}
			else {
				model.addAttribute("lead", id);
			}
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "dashboard/admin/leads";
	}

	@PostMapping("/{id}/export")
	Object export(@PathVariable UUID id, Authentication authentication, Model model, Locale locale) {
		try {
			byte[] document = admin.exportLead(Admins.of(authentication), id);
			return ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.cacheControl(CacheControl.noStore())
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename("lead-" + id + ".json").build().toString())
				.body(document);
		}
		catch (AdminNotFoundException ex) {
			return notFound(id, model, locale);
		}
	}

	/**
	 * Without the confirmation, shows what erasing means and asks again; with it, erases
	 * and comes back here with a notice.
	 */
	@PostMapping("/{id}/erase")
	Object erase(@PathVariable UUID id, @RequestParam(required = false) String confirm, Authentication authentication,
			Model model, Locale locale, RedirectAttributes redirect) {
		if (!CONFIRMATION.equals(confirm)) {
			model.addAttribute("lead", id);
			return "dashboard/admin/erase";
		}
		try {
			admin.eraseLead(Admins.of(authentication), id);
		}
		catch (AdminNotFoundException ex) {
			return notFound(id, model, locale);
		}
		redirect.addFlashAttribute("message", "admin.leads.erased");
		redirect.addFlashAttribute("messageArgument", id.toString());
		return "redirect:/dashboard/admin/leads";
	}

	/**
	 * The colleague who answered the IT questions of one of a lead's assessments
	 * ({@code submission}) asked to be erased: after the same confirmation step, their
	 * personal data goes and the lead's own and its other colleagues' stay; back to the
	 * lead with a notice.
	 */
	@PostMapping("/{id}/colleague/erase")
	Object eraseColleague(@PathVariable UUID id, @RequestParam(required = false) UUID submission,
			@RequestParam(required = false) String confirm, Authentication authentication, Model model, Locale locale,
			RedirectAttributes redirect) {
		if (!CONFIRMATION.equals(confirm)) {
			model.addAttribute("lead", id);
			model.addAttribute("submission", submission);
			return "dashboard/admin/erase-colleague";
		}
		boolean erased;
		try {
			erased = admin.eraseColleague(Admins.of(authentication), id, submission);
		}
		catch (AdminNotFoundException ex) {
			return notFound(id, model, locale);
		}
		redirect.addFlashAttribute("message", erased ? "admin.eraseColleague.erased" : "admin.eraseColleague.none");
		redirect.addFlashAttribute("messageArgument", id.toString());
		return "redirect:/dashboard/leads/" + id;
	}

	private ModelAndView notFound(UUID id, Model model, Locale locale) {
		ModelAndView page = new ModelAndView("dashboard/admin/leads", model.asMap(), HttpStatus.NOT_FOUND);
		page.addObject("leadId", id.toString());
		page.addObject("errors", Map.of("leadId", messages.getMessage("admin.leads.error.notFound", null, locale)));
		return page;
	}

	private static UUID parse(String text) {
		try {
			UUID id = UUID.fromString(text);
			return id.toString().equalsIgnoreCase(text) ? id : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
