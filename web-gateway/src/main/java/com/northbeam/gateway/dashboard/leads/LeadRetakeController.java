package com.northbeam.gateway.dashboard.leads;

import java.util.UUID;

import com.northbeam.gateway.client.LeadsClient;
import com.northbeam.gateway.client.LeadsClient.LeadDetail;
import com.northbeam.gateway.client.RetakeReferences;
import com.northbeam.gateway.client.StaffCaller;
import com.northbeam.gateway.staff.CurrentStaff;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * "Retake with the prospect": staff on a call open the public wizard filled with the
 * lead's latest answers, through a reference that names them; the new result lands on the
 * same lead as staff-assisted.
 */
@Controller
class LeadRetakeController {

	private final LeadsClient leads;

	private final RetakeReferences references;

	LeadRetakeController(LeadsClient leads, RetakeReferences references) {
		this.leads = leads;
		this.references = references;
	}

	@PostMapping("/dashboard/leads/{id}/retake")
	String retake(@PathVariable UUID id, Authentication authentication, RedirectAttributes redirect) {
		CurrentStaff me = CurrentStaff.of(authentication);
		LeadDetail lead = leads.lead(new StaffCaller(me.email(), me.scopes()), id);
		if (lead.erased() || lead.result() == null || lead.result().id() == null) {
			redirect.addFlashAttribute("message", "leads.retake.unavailable");
			return "redirect:/dashboard/leads/" + id;
		}
		return "redirect:" + UriComponentsBuilder.fromPath("/assessment/retake")
			.queryParam("ref", references.forStaff(lead.result().id(), me.email()))
			.build()
			.toUriString();
	}

}
