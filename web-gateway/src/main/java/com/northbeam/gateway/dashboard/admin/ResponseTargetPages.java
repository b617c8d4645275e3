package com.northbeam.gateway.dashboard.admin;

import java.util.Locale;

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
 * checked here first; the page shows and saves versions as {@link VersionedSettingPage}
 * says.
 */
@Controller
@RequestMapping("/dashboard/admin/response-target")
class ResponseTargetPages {

	private final AssessmentAdminClient admin;

	private final VersionedSettingPage<ResponseTarget, ResponseTargetForm> page;

	ResponseTargetPages(AssessmentAdminClient admin, MessageSource messages) {
		this.admin = admin;
		this.page = new VersionedSettingPage<>(messages, "dashboard/admin/response-target", "targetForm",
				"admin.target.saved", ResponseTarget::version);
	}

	@GetMapping
	String show(Authentication authentication, Model model) {
		StaffCaller caller = Admins.of(authentication);
		model.addAttribute("week", ResponseTargetForm.WEEK);
		model.addAttribute("zones", ResponseTargetForm.ZONES);
		return this.page.show(model, this.admin.responseTarget(caller),
				this.admin.responseTargetHistory(caller, VersionedSettingPage.HISTORY), ResponseTargetForm::of);
	}

	@PostMapping
	String save(@RequestParam MultiValueMap<String, String> params, Authentication authentication, Model model,
			Locale locale, RedirectAttributes redirect) {
		StaffCaller caller = Admins.of(authentication);
		return this.page.save(ResponseTargetForm.from(params),
				(form) -> this.admin.updateResponseTarget(caller, form.toInput(), form.basedOnVersion()),
				() -> this.admin.responseTarget(caller), () -> show(authentication, model), model, locale, redirect);
	}

}
