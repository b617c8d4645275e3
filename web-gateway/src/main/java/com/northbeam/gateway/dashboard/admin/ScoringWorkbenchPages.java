package com.northbeam.gateway.dashboard.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.northbeam.gateway.client.AdminConflictException;
import com.northbeam.gateway.client.AdminNotFoundException;
import com.northbeam.gateway.client.AdminRejectedException;
import com.northbeam.gateway.client.FieldError;
import com.northbeam.gateway.client.ScoringWorkbenchClient;
import com.northbeam.gateway.client.ScoringWorkbenchClient.Draft;
import com.northbeam.gateway.client.ScoringWorkbenchClient.PublishedRules;
import com.northbeam.gateway.client.ScoringWorkbenchClient.PublishedVersion;
import com.northbeam.gateway.client.ScoringWorkbenchClient.Rule;
import com.northbeam.gateway.client.StaffCaller;
import com.northbeam.gateway.system.PageNotFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The scoring workbench: admins read the published rules and their decision map, copy
 * them into a draft, change a rule through its form (or the whole definition as JSON),
 * try the draft on the golden personas and every stored submission, and publish it. A
 * refused change names every problem and stores nothing; a change based on an older
 * revision is refused with the newer one shown.
 */
@Controller
@RequestMapping("/dashboard/admin/scoring")
class ScoringWorkbenchPages {

	static final int DRAFTS = 20;

	private static final String BASE = "/dashboard/admin/scoring";

	private final ScoringWorkbenchClient scoring;

	private final MessageSource messages;

	private final JsonMapper json;

	ScoringWorkbenchPages(ScoringWorkbenchClient scoring, MessageSource messages, JsonMapper json) {
		this.scoring = scoring;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping
	String show(Authentication authentication, Model model) {
		StaffCaller caller = Admins.of(authentication);
		PublishedRules published = scoring.published(caller);
		model.addAttribute("published", published);
		model.addAttribute("models", RuleForm.MODELS);
		model.addAttribute("map", MapView.of(scoring.decisionMap(caller)));
		model.addAttribute("drafts",
				scoring.drafts(caller, DRAFTS).stream().filter((draft) -> !draft.published()).toList());
		model.addAttribute("versions", scoring.versions(caller));
		return "dashboard/admin/scoring/index";
	}

	@PostMapping("/drafts")
	String createDraft(Authentication authentication, RedirectAttributes redirect) {
		Draft draft = scoring.createDraft(Admins.of(authentication));
		redirect.addFlashAttribute("message", "admin.scoring.draftCreated");
		redirect.addFlashAttribute("messageArgument", draft.basedOnVersion());
		return "redirect:" + BASE + "/drafts/" + draft.id();
	}

	@GetMapping("/drafts/{id}")
	String draft(@PathVariable long id, Authentication authentication, Model model) {
		StaffCaller caller = Admins.of(authentication);
		Draft draft = draft(caller, id);
		model.addAttribute("draft", draft);
		model.addAttribute("models", RuleForm.MODELS);
		if (!model.containsAttribute("definitionText")) {
			model.addAttribute("definitionText",
					json.writerWithDefaultPrettyPrinter().writeValueAsString(draft.definition()));
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", List.of());
		}
		if (!draft.published()) {
			model.addAttribute("map", MapView.of(scoring.draftDecisionMap(caller, id)));
		}
		return "dashboard/admin/scoring/draft";
	}

	@PostMapping("/drafts/{id}/definition")
	String saveDefinition(@PathVariable long id, @RequestParam int revision, @RequestParam String definition,
			Authentication authentication, Model model, Locale locale, RedirectAttributes redirect) {
		JsonNode parsed;
		try {
			parsed = json.readTree(definition);
		}
		catch (JacksonException ex) {
			return refusedDefinition(id, definition,
					List.of(new FieldError("definition", message("admin.scoring.error.json", locale))), authentication,
					model);
		}
		if (parsed == null || !parsed.isObject()) {
			return refusedDefinition(id, definition,
					List.of(new FieldError("definition", message("admin.scoring.error.json", locale))), authentication,
					model);
		}
		try {
			Draft saved = scoring.saveDraft(Admins.of(authentication), id, revision, parsed);
			redirect.addFlashAttribute("message", "admin.scoring.saved");
			redirect.addFlashAttribute("messageArgument", saved.revision());
			return "redirect:" + BASE + "/drafts/" + id;
		}
		catch (AdminRejectedException ex) {
			return refusedDefinition(id, definition, ex.errors(), authentication, model);
		}
		catch (AdminConflictException ex) {
			model.addAttribute("stale", true);
			model.addAttribute("definitionText", definition);
			return draft(id, authentication, model);
		}
	}

	private String refusedDefinition(long id, String definition, List<FieldError> errors, Authentication authentication,
			Model model) {
		model.addAttribute("definitionText", definition);
		model.addAttribute("errors", errors.stream().map(Problem::of).toList());
		return draft(id, authentication, model);
	}

	@GetMapping("/drafts/{id}/rules/{code}")
	String rule(@PathVariable long id, @PathVariable String code, Authentication authentication, Model model) {
		StaffCaller caller = Admins.of(authentication);
		Draft draft = draft(caller, id);
		if (!model.containsAttribute("ruleForm")) {
			Rule rule = draft.definition().rule(code);
			if (rule == null) {
				throw new PageNotFoundException("rule " + code);
			}
			model.addAttribute("ruleForm", RuleForm.of(draft.revision(), rule));
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
			model.addAttribute("problems", List.of());
		}
		model.addAttribute("draft", draft);
		model.addAttribute("guideAnchors", scoring.published(caller).guideAnchors());
		return "dashboard/admin/scoring/rule";
	}

	@PostMapping("/drafts/{id}/rules/{code}")
	String saveRule(@PathVariable long id, @PathVariable String code,
			@RequestParam MultiValueMap<String, String> params, Authentication authentication, Model model,
			Locale locale, RedirectAttributes redirect) {
		RuleForm form = RuleForm.from(code, params);
		if (!form.errorKeys().isEmpty()) {
			Map<String, String> errors = new LinkedHashMap<>();
			form.errorKeys().forEach((field, key) -> errors.put(field, message(key, locale)));
			return refusedRule(id, code, form, errors, authentication, model);
		}
		StaffCaller caller = Admins.of(authentication);
		try {
			Draft saved = scoring.saveRule(caller, id, form.revision(), form.toRule());
			redirect.addFlashAttribute("message", "admin.scoring.ruleSaved");
			redirect.addFlashAttribute("messageArgument", code);
			return "redirect:" + BASE + "/drafts/" + saved.id() + "#rule-" + code;
		}
		catch (AdminRejectedException ex) {
			Map<String, String> errors = new LinkedHashMap<>();
			for (FieldError error : ex.errors()) {
				String field = formField(error.field(), form);
				String named = (error.field() != null) ? error.field().replaceFirst("^rule\\.", "") : "";
				String text = (field.isEmpty() && !named.isEmpty()) ? named + ": " + error.message() : error.message();
				errors.merge(field, text, (first, next) -> first + " " + next);
			}
			return refusedRule(id, code, form, errors, authentication, model);
		}
		catch (AdminConflictException ex) {
			Draft newer = draft(caller, id);
			model.addAttribute("stale", newer);
			model.addAttribute("ruleForm", form.withRevision(newer.revision()));
			return rule(id, code, authentication, model);
		}
	}

	private String refusedRule(long id, String code, RuleForm form, Map<String, String> errors,
			Authentication authentication, Model model) {
		model.addAttribute("ruleForm", form);
		model.addAttribute("errors", errors);
		List<Problem> problems = new ArrayList<>();
		errors.forEach((field, text) -> problems.add(new Problem(field, text)));
		model.addAttribute("problems", problems);
		return rule(id, code, authentication, model);
	}

	/**
	 * The form field a service error names ({@code rule.when[0].anyOf[1]} is the field
	 * {@code when.0.anyOf}), or {@code ""} when the form has none.
	 */
	static String formField(String field, RuleForm form) {
		String name = (field != null) ? field.replaceAll("\\[([^\\]]*)\\]", ".$1") : "";
		if (name.startsWith("rule.")) {
			name = name.substring("rule.".length());
		}
		while (!name.isEmpty() && !form.has(name)) {
			int dot = name.lastIndexOf('.');
			name = (dot > 0) ? name.substring(0, dot) : "";
		}
		return name;
	}

	@GetMapping("/drafts/{id}/trial")
	String trial(@PathVariable long id, Authentication authentication, Model model) {
		StaffCaller caller = Admins.of(authentication);
		Draft draft = draft(caller, id);
		model.addAttribute("draft", draft);
		model.addAttribute("trial", scoring.trial(caller, id));
		model.addAttribute("models", RuleForm.MODELS);
		if (!model.containsAttribute("problems")) {
			model.addAttribute("problems", List.of());
		}
		return "dashboard/admin/scoring/trial";
	}

	@PostMapping("/drafts/{id}/publish")
	String publish(@PathVariable long id, @RequestParam int revision, @RequestParam(required = false) String reason,
			Authentication authentication, Model model, RedirectAttributes redirect) {
		try {
			PublishedVersion published = scoring.publish(Admins.of(authentication), id, revision,
					(reason != null && !reason.isBlank()) ? reason.strip() : null);
			redirect.addFlashAttribute("message", "admin.scoring.published");
			redirect.addFlashAttribute("messageArgument", published.version());
			return "redirect:" + BASE;
		}
		catch (AdminRejectedException ex) {
			model.addAttribute("problems", ex.errors().stream().map(Problem::of).toList());
			model.addAttribute("reason", reason);
			return trial(id, authentication, model);
		}
		catch (AdminConflictException ex) {
			model.addAttribute("problems", List.of(new Problem("", ex.getMessage())));
			return trial(id, authentication, model);
		}
	}

	private Draft draft(StaffCaller caller, long id) {
		try {
			return scoring.draft(caller, id);
		}
		catch (AdminNotFoundException ex) {
			throw new PageNotFoundException("draft " + id);
		}
	}

	private String message(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

}
