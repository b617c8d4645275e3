package com.northbeam.gateway.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard's start page. */
@Controller
class DashboardController {

	@GetMapping("/dashboard")
	String overview() {
		return "dashboard/overview";
	}

}
