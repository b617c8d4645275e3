package com.northbeam.gateway.dashboard.admin;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The admin's start page: links to each admin task. */
@Controller
class AdminIndexController {

	@GetMapping("/dashboard/admin")
	String index() {
		return "dashboard/admin/index";
	}

}
