package com.northbeam.gateway.staff;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class SignInController {

	private final ObjectProvider<ClientRegistrationRepository> singleSignOnProviders;

	SignInController(ObjectProvider<ClientRegistrationRepository> singleSignOnProviders) {
		this.singleSignOnProviders = singleSignOnProviders;
	}

	@GetMapping("/login")
	String signIn(Authentication authentication, Model model) {
		boolean signedIn = authentication != null && !(authentication instanceof AnonymousAuthenticationToken);
		if (signedIn) {
			return "redirect:/dashboard";
		}
		model.addAttribute("singleSignOn", singleSignOnOptions());
		return "staff/login";
	}

	private List<SingleSignOnOption> singleSignOnOptions() {
		List<SingleSignOnOption> options = new ArrayList<>();
		if (singleSignOnProviders.getIfAvailable() instanceof Iterable<?> registrations) {
			for (Object registration : registrations) {
				ClientRegistration client = (ClientRegistration) registration;
				options.add(new SingleSignOnOption(client.getRegistrationId(), client.getClientName()));
			}
		}
		return options;
	}

	record SingleSignOnOption(String id, String name) {
	}

}
