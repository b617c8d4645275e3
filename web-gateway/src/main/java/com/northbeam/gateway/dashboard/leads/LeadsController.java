package com.northbeam.gateway.dashboard.leads;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import com.northbeam.gateway.client.Brief;
import com.northbeam.gateway.client.LeadRejectedException;
import com.northbeam.gateway.client.LeadsClient;
import com.northbeam.gateway.client.LeadsClient.LeadDetail;
import com.northbeam.gateway.client.ScoringWorkbenchClient;
import com.northbeam.gateway.client.ServiceUnavailableException;
import com.northbeam.gateway.client.StaffCaller;
import com.northbeam.gateway.client.StaleLeadException;
import com.northbeam.gateway.staff.CurrentStaff;
import com.northbeam.gateway.staff.StaffAccount;
import com.northbeam.gateway.staff.StaffAccounts;
import com.northbeam.gateway.staff.StaffRole;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where sales staff work their leads: the list with its filters, one lead, and its
 * pipeline.
 */
@Controller
@RequestMapping("/dashboard/leads")
class LeadsController {

	static final int PAGE_SIZE = 50;

	/** A plain note, or a call or an email to the prospect (which count as contact). */
	static final List<String> NOTE_KINDS = List.of("note", "call", "email");

	private final LeadsClient leads;

	private final StaffAccounts staff;

	private final Clock clock;

	private final ScoringWorkbenchClient scoring;

	LeadsController(LeadsClient leads, StaffAccounts staff, Clock clock, ScoringWorkbenchClient scoring) {
		this.leads = leads;
		this.scoring = scoring;
		this.staff = staff;
		this.clock = clock;
	}

	@GetMapping
	String list(LeadsQuery query, BindingResult binding, Authentication authentication, Model model) {
		CurrentStaff me = CurrentStaff.of(authentication);
		model.addAttribute("query", query);
		model.addAttribute("statuses", LeadsQuery.STATUSES);
		model.addAttribute("recommendations", LeadsQuery.RECOMMENDATIONS);
		List<StaffAccount> accounts = staff.all();
		model.addAttribute("owners", leadWorkers(accounts));
		if (binding.hasErrors()) {
			model.addAttribute("filterErrors",
					binding.getFieldErrors().stream().map((error) -> error.getField()).toList());
			model.addAttribute("page", new LeadsClient.LeadPage(List.of(), null));
			return "dashboard/leads/list";
		}
		LeadsClient.LeadPage page = leads.leads(caller(me), query.toFilter(me.email()), query.after(), PAGE_SIZE);
		model.addAttribute("page", page);
		model.addAttribute("ownerNames", ownerNames(page, accounts));
		model.addAttribute("newestCreatedAt",
				page.items().stream().map(LeadsClient.LeadRow::createdAt).max(Instant::compareTo).orElse(null));
		return "dashboard/leads/list";
	}

	/**
	 * How many leads arrived since the list was shown; the list page asks this to offer a
	 * refresh.
	 */
	@GetMapping(path = "/arrivals", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Map<String, Integer> arrivals(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant since,
			Authentication authentication) {
		CurrentStaff me = CurrentStaff.of(authentication);
		LeadsClient.Filter newest = new LeadsClient.Filter(List.of(), List.of(), null, null, null, null, null, null,
				"newest", false);
		long count = leads.leads(caller(me), newest, null, PAGE_SIZE)
			.items()
			.stream()
			.filter((lead) -> lead.createdAt().isAfter(since))
			.count();
		return Map.of("count", (int) count);
	}

	@GetMapping("/export.csv")
	ResponseEntity<StreamingResponseBody> export(LeadsQuery query, Authentication authentication) {
		CurrentStaff me = CurrentStaff.of(authentication);
		LeadsClient.Filter filter = query.toFilter(me.email());
		StaffCaller caller = caller(me);
		ContentDisposition attachment = ContentDisposition.attachment()
			.filename("leads-" + LocalDate.now(clock) + ".csv")
			.build();
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment.toString())
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body((out) -> leads.exportCsv(caller, filter, out));
	}

	@GetMapping("/{id}")
	String lead(@PathVariable UUID id, Authentication authentication, Model model) {
		CurrentStaff me = CurrentStaff.of(authentication);
		LeadDetail lead = leads.lead(caller(me), id);
		if (me.isAdmin() && !lead.erased()) {
			model.addAttribute("scoring", LeadScoring.of(scoring, caller(me), lead.result()));
		}
		return detail(lead, model);
	}

	@PostMapping("/{id}/status")
	String changeStatus(@PathVariable UUID id, @RequestParam int version, @RequestParam String status,
			@RequestParam(required = false) String lostReason, Authentication authentication, Model model,
			RedirectAttributes redirect) {
		CurrentStaff me = CurrentStaff.of(authentication);
		try {
			leads.changeStatus(caller(me), id, version, status, blankToNull(lostReason));
			redirect.addFlashAttribute("message", "leads.saved.status");
			return "redirect:/dashboard/leads/" + id;
		}
		catch (StaleLeadException stale) {
			model.addAttribute("stale", new Attempt("status", status, lostReason));
			return detail(stale.current(), model);
		}
		catch (LeadRejectedException refused) {
			model.addAttribute("statusErrors", refused.errors());
			model.addAttribute("attempt", new Attempt("status", status, lostReason));
			return detail(leads.lead(caller(me), id), model);
		}
	}

	@PostMapping("/{id}/owner")
	String assign(@PathVariable UUID id, @RequestParam int version, @RequestParam(required = false) String owner,
			Authentication authentication, Model model, RedirectAttributes redirect) {
		CurrentStaff me = CurrentStaff.of(authentication);
		try {
			leads.assign(caller(me), id, version, blankToNull(owner));
			redirect.addFlashAttribute("message", "leads.saved.owner");
			return "redirect:/dashboard/leads/" + id;
		}
		catch (StaleLeadException stale) {
			model.addAttribute("stale", new Attempt("owner", owner, null));
			return detail(stale.current(), model);
		}
		catch (LeadRejectedException refused) {
			model.addAttribute("ownerErrors", refused.errors());
			return detail(leads.lead(caller(me), id), model);
		}
	}

	/**
	 * Adds a note; {@code kind} {@code call} or {@code email} says it records a contact
	 * with the prospect (the lead's first contact if it had none).
	 */
	@PostMapping("/{id}/notes")
	String addNote(@PathVariable UUID id, @RequestParam(defaultValue = "") String text,
			@RequestParam(defaultValue = "note") String kind, Authentication authentication, Model model,
			RedirectAttributes redirect) {
		CurrentStaff me = CurrentStaff.of(authentication);
		if (text.isBlank()) {
			model.addAttribute("noteError", "leads.note.empty");
			model.addAttribute("noteKind", kind);
			return detail(leads.lead(caller(me), id), model);
		}
		try {
			leads.addNote(caller(me), id, text.strip(), kind);
			redirect.addFlashAttribute("message", "leads.saved.note");
			return "redirect:/dashboard/leads/" + id;
		}
		catch (LeadRejectedException refused) {
			model.addAttribute("noteErrors", refused.errors());
			model.addAttribute("noteText", text);
			model.addAttribute("noteKind", kind);
			return detail(leads.lead(caller(me), id), model);
		}
	}

	/**
	 * Changes who owns one function of the lead's matrix; a stale or refused change shows
	 * the lead again ({@code 409} or {@code 400}) with the message and what was typed.
	 */
	@PostMapping("/{id}/responsibility/{function}")
	String editResponsibility(@PathVariable UUID id, @PathVariable String function,
			@RequestParam(defaultValue = "-1") int version, @RequestParam(required = false) String owner,
			@RequestParam(defaultValue = "") String note, Authentication authentication, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		CurrentStaff me = CurrentStaff.of(authentication);
		String label = function.replace('_', ' ');
		try {
			leads.editResponsibility(caller(me), id, function, version, owner, blankToNull(note));
			redirect.addFlashAttribute("message", "leads.matrix.saved");
			redirect.addFlashAttribute("messageArgument", label);
			return "redirect:/dashboard/leads/" + id + "#responsibility-matrix";
		}
		catch (LeadRejectedException refused) {
			boolean stale = refused.errors().stream().anyMatch((error) -> "version".equals(error.field()));
			response.setStatus(stale ? HttpServletResponse.SC_CONFLICT : HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("matrixError", stale ? "leads.matrix.stale" : "leads.matrix.refused");
			model.addAttribute("matrixLabel", label);
			model.addAttribute("matrixFunction", function);
			model.addAttribute("matrixNote", note);
			return detail(leads.lead(caller(me), id), model);
		}
	}

	@ExceptionHandler(ServiceUnavailableException.class)
	String unavailable(Model model) {
		model.addAttribute("unavailable", true);
		return "dashboard/leads/unavailable";
	}

	private String detail(LeadDetail lead, Model model) {
		model.addAttribute("lead", lead);
		if (lead.result() != null) {
			String recommendation = lead.result().recommendation();
			model.addAttribute("factorsFor",
					lead.result().factors().stream().filter((factor) -> factor.pointsTo(recommendation)).toList());
			model.addAttribute("factorsAgainst",
					lead.result().factors().stream().filter((factor) -> !factor.pointsTo(recommendation)).toList());
		}
		model.addAttribute("statuses", LeadsQuery.STATUSES);
		model.addAttribute("owners", leadWorkers(staff.all()));
		model.addAttribute("matrixOwners", Brief.Responsibility.OWNERS);
		model.addAttribute("noteKinds", NOTE_KINDS);
		return "dashboard/leads/detail";
	}

	/** Each owner on the page by name, an owner without an account by email. */
	private static Map<String, String> ownerNames(LeadsClient.LeadPage page, List<StaffAccount> accounts) {
		Map<String, String> names = StaffAccounts.namesByEmail(accounts);
		Map<String, String> owners = new HashMap<>();
		for (LeadsClient.LeadRow row : page.items()) {
			if (row.owner() != null) {
				owners.put(row.owner(), names.getOrDefault(StaffAccounts.normalise(row.owner()), row.owner()));
			}
		}
		return owners;
	}

	private static List<StaffAccount> leadWorkers(List<StaffAccount> accounts) {
		return accounts.stream()
			.filter((account) -> account.enabled()
					&& (account.roles().contains(StaffRole.SALES) || account.roles().contains(StaffRole.ADMIN)))
			.toList();
	}

	private static StaffCaller caller(CurrentStaff me) {
		return new StaffCaller(me.email(), me.scopes());
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/**
	 * What the salesperson tried to do, shown next to the newer state after a conflict.
	 */
	record Attempt(String field, String value, String lostReason) {
	}

}
