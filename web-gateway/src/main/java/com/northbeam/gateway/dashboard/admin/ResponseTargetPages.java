package com.northbeam.gateway.dashboard.admin;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.northbeam.gateway.client.AdminConflictException;
import com.northbeam.gateway.client.AdminRejectedException;
import com.northbeam.gateway.client.AssessmentAdminClient;
import com.northbeam.gateway.client.AssessmentAdminClient.ResponseTarget;
import com.northbeam.gateway.client.StaffCaller;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins set the response target: how many working minutes a new lead may wait for its
 * first contact, and the working days, hours and time zone they count in. Each field is
 * checked here first (nothing is sent while one is wrong); the service's own refusals are
 * shown next to the field; if someone saved first, their version is shown and the admin's
 * input kept, to be saved again knowingly.
 */
@Controller
@RequestMapping("/dashboard/admin/response-target")
class ResponseTargetPages {

	static final int HISTORY = 20;

	private final AssessmentAdminClient admin;

	private final MessageSource messages;

	ResponseTargetPages(AssessmentAdminClient admin, MessageSource messages) {
		this.admin = admin;
		this.messages = messages;
	}

	@GetMapping
	String show(Authentication authentication, Model model) {
		StaffCaller caller = Admins.of(authentication);
		ResponseTarget current = admin.responseTarget(caller);
		if (!model.containsAttribute("targetForm")) {
			model.addAttribute("targetForm", ResponseTargetForm.of(current));
		}
		model.addAttribute("current", current);
		model.addAttribute("history", admin.responseTargetHistory(caller, HISTORY));
		model.addAttribute("week", ResponseTargetForm.WEEK);
		model.addAttribute("zones", ResponseTargetForm.ZONES);
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "dashboard/admin/response-target";
	}

	@PostMapping
	String save(@RequestParam MultiValueMap<String, String> params, Authentication authentication, Model model,
			Locale locale, RedirectAttributes redirect) {
		ResponseTargetForm form = ResponseTargetForm.from(params);
		Map<String, String> errorKeys = form.errorKeys();
		if (!errorKeys.isEmpty()) {
			Map<String, String> errors = new LinkedHashMap<>();
			errorKeys.forEach((field, key) -> errors.put(field, messages.getMessage(key, null, locale)));
			model.addAttribute("targetForm", form);
			model.addAttribute("errors", errors);
			return show(authentication, model);
		}
		StaffCaller caller = Admins.of(authentication);
		try {
			ResponseTarget saved = admin.updateResponseTarget(caller, form.toInput(), form.basedOnVersion());
			redirect.addFlashAttribute("message", "admin.target.saved");
			redirect.addFlashAttribute("messageArgument", saved.version());
			return "redirect:/dashboard/admin/response-target";
		}
		catch (AdminRejectedException ex) {
			model.addAttribute("targetForm", form);
			model.addAttribute("errors", Admins.byField(ex.errors(), form::has));
			return show(authentication, model);
		}
		catch (AdminConflictException ex) {
			ResponseTarget newer = admin.responseTarget(caller);
			model.addAttribute("targetForm", form.basedOn(newer.version()));
			model.addAttribute("stale", newer);
			model.addAttribute("errors", Map.of());
			return show(authentication, model);
		}
	}

}
