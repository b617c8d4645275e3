package com.northbeam.gateway.dashboard.admin;

import jakarta.servlet.http.HttpServletRequest;
import com.northbeam.gateway.client.ServiceUnavailableException;
import com.northbeam.gateway.staff.CurrentStaff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * When assessment-service does not answer, an admin page says so inside the dashboard
 * (with the navigation, so the admin can go elsewhere) instead of failing.
 */
@ControllerAdvice(basePackageClasses = AdminUnavailablePages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminUnavailablePages {

	private static final Logger log = LoggerFactory.getLogger(AdminUnavailablePages.class);

	@ExceptionHandler(ServiceUnavailableException.class)
	ModelAndView unavailable(ServiceUnavailableException ex, HttpServletRequest request) {
		log.warn("{} {} failed: {}", request.getMethod(), request.getRequestURI(), ex.getMessage());
		ModelAndView page = new ModelAndView("dashboard/admin/unavailable", HttpStatus.SERVICE_UNAVAILABLE);
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null) {
			page.addObject("currentStaff", CurrentStaff.of(authentication));
		}
		return page;
	}

}
