package com.northbeam.gateway.dashboard.admin;

import java.util.UUID;

import com.northbeam.gateway.client.AdminNotFoundException;
import com.northbeam.gateway.client.AssessmentClient.SubmissionResult;
import com.northbeam.gateway.client.ScoringWorkbenchClient;
import com.northbeam.gateway.system.PageNotFoundException;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins rescore a lead's submission with the newest rules from the lead's page; its
 * earlier results stay listed there.
 */
@Controller
class RescorePages {

	private final ScoringWorkbenchClient scoring;

	RescorePages(ScoringWorkbenchClient scoring) {
		this.scoring = scoring;
	}

	@PostMapping("/dashboard/admin/leads/{leadId}/rescore")
	String rescore(@PathVariable UUID leadId, @RequestParam UUID submissionId, Authentication authentication,
			RedirectAttributes redirect) {
		SubmissionResult result;
		try {
			result = scoring.rescore(Admins.of(authentication), submissionId);
		}
		catch (AdminNotFoundException ex) {
			throw new PageNotFoundException("submission " + submissionId);
		}
		redirect.addFlashAttribute("message", "leads.saved.rescored");
		redirect.addFlashAttribute("messageArgument", result.rulesVersion());
		return "redirect:/dashboard/leads/" + leadId;
	}

}
