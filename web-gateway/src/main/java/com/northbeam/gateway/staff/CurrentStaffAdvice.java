package com.northbeam.gateway.staff;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in staff member into every dashboard page's model. */
@ControllerAdvice(basePackages = { "com.northbeam.gateway.dashboard", "com.northbeam.gateway.staff" })
class CurrentStaffAdvice {

	@ModelAttribute("currentStaff")
	CurrentStaff currentStaff(Authentication authentication) {
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
			return null;
		}
		return CurrentStaff.of(authentication);
	}

}
