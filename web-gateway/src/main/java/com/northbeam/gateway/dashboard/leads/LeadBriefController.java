package com.northbeam.gateway.dashboard.leads;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.northbeam.gateway.client.LeadsClient;
import com.northbeam.gateway.client.LeadsClient.LeadDetail;
import com.northbeam.gateway.client.ServiceUnavailableException;
import com.northbeam.gateway.client.StaffCaller;
import com.northbeam.gateway.staff.CurrentStaff;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * A lead's call-prep brief as PDF, and its responsibility matrix: one no-JS form per cell
 * (redirect after each post, with the outcome shown beside the matrix), and the CSV and
 * Markdown exports.
 */
@Controller
@RequestMapping("/dashboard/leads/{id}")
class LeadBriefController {

	private final LeadsClient leads;

	private final MessageSource messages;

	LeadBriefController(LeadsClient leads, MessageSource messages) {
		this.leads = leads;
		this.messages = messages;
	}

	@GetMapping("/responsibility.csv")
	ResponseEntity<String> csv(@PathVariable UUID id, Authentication authentication) {
		return download(leads.exportResponsibility(caller(authentication), id, "csv"),
				new MediaType("text", "csv", StandardCharsets.UTF_8), "responsibility-" + id + ".csv");
	}

	@GetMapping("/responsibility.md")
	ResponseEntity<String> markdown(@PathVariable UUID id, Authentication authentication) {
		return download(leads.exportResponsibility(caller(authentication), id, "md"),
				new MediaType("text", "markdown", StandardCharsets.UTF_8), "responsibility-" + id + ".md");
	}

	@GetMapping(path = "/call-prep.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	ResponseEntity<byte[]> callPrepPdf(@PathVariable UUID id, Authentication authentication) {
		LeadDetail lead = leads.lead(caller(authentication), id);
		if (lead.callPrep() == null) {
			return ResponseEntity.notFound().build();
		}
		byte[] pdf = CallPrepReport.render(lead,
				(code) -> messages.getMessage(code, null, code, LocaleContextHolder.getLocale()));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("call-prep-" + id + ".pdf").build().toString())
			.contentType(MediaType.APPLICATION_PDF)
			.body(pdf);
	}

	@ExceptionHandler(ServiceUnavailableException.class)
	String unavailable(Model model) {
		model.addAttribute("unavailable", true);
		return "dashboard/leads/unavailable";
	}

	private static ResponseEntity<String> download(String body, MediaType type, String filename) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.contentType(type)
			.body(body);
	}

	private static StaffCaller caller(Authentication authentication) {
		CurrentStaff me = CurrentStaff.of(authentication);
		return new StaffCaller(me.email(), me.scopes());
	}

}
