package com.northbeam.gateway.dashboard.leads;

import java.util.UUID;

import com.northbeam.gateway.client.LeadNotFoundException;
import com.northbeam.gateway.client.LeadRejectedException;
import com.northbeam.gateway.client.LeadsClient;
import com.northbeam.gateway.client.ServiceUnavailableException;
import com.northbeam.gateway.client.StaffCaller;
import com.northbeam.gateway.staff.CurrentStaff;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Leads → Quarantine: the submissions that looked automated, with every reason, and a
 * release (it becomes a lead, with its notification) or discard (its contact details are
 * deleted) button each. Plain forms: works without JavaScript. A second click on a
 * decided submission says it was decided already and changes nothing.
 */
@Controller
@RequestMapping("/dashboard/leads/quarantine")
class QuarantinePages {

	private final LeadsClient leads;

	QuarantinePages(LeadsClient leads) {
		this.leads = leads;
	}

	@GetMapping
	String list(Authentication authentication, Model model) {
		model.addAttribute("items", leads.quarantine(caller(authentication)));
		return "dashboard/leads/quarantine";
	}

	@PostMapping("/{id}/release")
	String release(@PathVariable UUID id, Authentication authentication, RedirectAttributes redirect) {
		return decide(redirect, "quarantine.released", () -> leads.release(caller(authentication), id));
	}

	@PostMapping("/{id}/discard")
	String discard(@PathVariable UUID id, Authentication authentication, RedirectAttributes redirect) {
		return decide(redirect, "quarantine.discarded", () -> leads.discard(caller(authentication), id));
	}

	@ExceptionHandler(ServiceUnavailableException.class)
	String unavailable(Model model) {
		model.addAttribute("unavailable", true);
		return "dashboard/leads/unavailable";
	}

	private static String decide(RedirectAttributes redirect, String done, Runnable decision) {
		try {
			decision.run();
			redirect.addFlashAttribute("message", done);
		}
		catch (LeadRejectedException | LeadNotFoundException ex) {
			redirect.addFlashAttribute("message", "quarantine.decidedAlready");
		}
		return "redirect:/dashboard/leads/quarantine";
	}

	private static StaffCaller caller(Authentication authentication) {
		CurrentStaff me = CurrentStaff.of(authentication);
		return new StaffCaller(me.email(), me.scopes());
	}

}
