package com.northbeam.gateway.dashboard.admin;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.northbeam.gateway.client.AdminConflictException;
import com.northbeam.gateway.client.AdminRejectedException;
import com.northbeam.gateway.client.AssessmentAdminClient;
import com.northbeam.gateway.client.AssessmentAdminClient.PriceAssumptionsVersion;
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
 * Admins see the MSP's current price assumptions and their history, and save a new
 * version. Each figure is checked here first (nothing is sent while one is wrong); the
 * service's own refusals are shown next to the field; if someone saved first, the newer
 * version is shown and the admin's input kept, to be saved again knowingly.
 */
@Controller
@RequestMapping("/dashboard/admin/prices")
class PriceAssumptionsPages {

	static final int HISTORY = 20;

	private final AssessmentAdminClient admin;

	private final MessageSource messages;

	PriceAssumptionsPages(AssessmentAdminClient admin, MessageSource messages) {
		this.admin = admin;
		this.messages = messages;
	}

	@GetMapping
	String show(Authentication authentication, Model model) {
		StaffCaller caller = Admins.of(authentication);
		PriceAssumptionsVersion current = admin.priceAssumptions(caller);
		if (!model.containsAttribute("priceForm")) {
			model.addAttribute("priceForm", PriceForm.of(current));
		}
		model.addAttribute("current", current);
		model.addAttribute("currentForm", PriceForm.of(current));
		model.addAttribute("history", admin.priceAssumptionsHistory(caller, HISTORY));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "dashboard/admin/prices";
	}

	@PostMapping
	String save(@RequestParam MultiValueMap<String, String> params, Authentication authentication, Model model,
			Locale locale, RedirectAttributes redirect) {
		PriceForm form = PriceForm.from(params);
		if (!form.errorKeys().isEmpty()) {
			Map<String, String> errors = new LinkedHashMap<>();
			form.errorKeys().forEach((field, key) -> errors.put(field, messages.getMessage(key, null, locale)));
			model.addAttribute("priceForm", form);
			model.addAttribute("errors", errors);
			return show(authentication, model);
		}
		StaffCaller caller = Admins.of(authentication);
		try {
			PriceAssumptionsVersion saved = admin.updatePriceAssumptions(caller, form.toAssumptions(),
					form.basedOnVersion());
			redirect.addFlashAttribute("message", "admin.prices.saved");
			redirect.addFlashAttribute("messageArgument", saved.version());
			return "redirect:/dashboard/admin/prices";
		}
		catch (AdminRejectedException ex) {
			model.addAttribute("priceForm", form);
			model.addAttribute("errors", Admins.byField(ex.errors(), form::has));
			return show(authentication, model);
		}
		catch (AdminConflictException ex) {
			PriceAssumptionsVersion newer = admin.priceAssumptions(caller);
			model.addAttribute("priceForm", form.basedOn(newer.version()));
			model.addAttribute("stale", newer);
			model.addAttribute("errors", Map.of());
			return show(authentication, model);
		}
	}

}
