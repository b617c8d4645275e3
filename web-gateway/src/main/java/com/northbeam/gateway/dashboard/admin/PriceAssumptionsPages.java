package com.northbeam.gateway.dashboard.admin;

import java.util.Locale;

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
 * version. Each figure is checked here first; the page shows and saves versions as
 * {@link VersionedSettingPage} says.
 */
@Controller
@RequestMapping("/dashboard/admin/prices")
class PriceAssumptionsPages {

	private final AssessmentAdminClient admin;

	private final VersionedSettingPage<PriceAssumptionsVersion, PriceForm> page;

	PriceAssumptionsPages(AssessmentAdminClient admin, MessageSource messages) {
		this.admin = admin;
		this.page = new VersionedSettingPage<>(messages, "dashboard/admin/prices", "priceForm", "admin.prices.saved",
				PriceAssumptionsVersion::version);
	}

	@GetMapping
	String show(Authentication authentication, Model model) {
		StaffCaller caller = Admins.of(authentication);
		PriceAssumptionsVersion current = this.admin.priceAssumptions(caller);
		model.addAttribute("currentForm", PriceForm.of(current));
		return this.page.show(model, current, this.admin.priceAssumptionsHistory(caller, VersionedSettingPage.HISTORY),
				PriceForm::of);
	}

	@PostMapping
	String save(@RequestParam MultiValueMap<String, String> params, Authentication authentication, Model model,
			Locale locale, RedirectAttributes redirect) {
		StaffCaller caller = Admins.of(authentication);
		return this.page.save(PriceForm.from(params),
				(form) -> this.admin.updatePriceAssumptions(caller, form.toAssumptions(), form.basedOnVersion()),
				() -> this.admin.priceAssumptions(caller), () -> show(authentication, model), model, locale, redirect);
	}

}
