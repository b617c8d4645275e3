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
import com.northbeam.gateway.client.RoutingClient;
import com.northbeam.gateway.client.RoutingClient.Group;
import com.northbeam.gateway.client.RoutingClient.Overview;
import com.northbeam.gateway.client.RoutingClient.Rule;
import com.northbeam.gateway.client.StaffCaller;
import com.northbeam.gateway.dashboard.admin.RoutingForms.GroupForm;
import com.northbeam.gateway.dashboard.admin.RoutingForms.RuleForm;
import com.northbeam.gateway.system.PageNotFoundException;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Lead routing: admins keep the ordered rules that give each new lead its owner (list,
 * create, edit, delete, move up and down) and the round-robin groups whose members take
 * leads in turn. Plain forms, so it all works without JavaScript; a refused change shows
 * every problem next to its field and stores nothing; a change based on an older version
 * is refused with the newer one shown.
 */
@Controller
@RequestMapping(RoutingPages.BASE)
class RoutingPages {

	static final String BASE = "/dashboard/admin/routing";

	private final RoutingClient routing;

	private final MessageSource messages;

	RoutingPages(RoutingClient routing, MessageSource messages) {
		this.routing = routing;
		this.messages = messages;
	}

	@GetMapping
	String index(Authentication authentication, Model model) {
		model.addAttribute("routing", routing.overview(Admins.of(authentication)));
		return "dashboard/admin/routing/index";
	}

	@GetMapping("/rules/new")
	String newRule(Authentication authentication, Model model) {
		if (!model.containsAttribute("ruleForm")) {
			model.addAttribute("ruleForm", RuleForm.empty());
		}
		return ruleForm(null, authentication, model);
	}

	@PostMapping("/rules")
	String createRule(RuleForm ruleForm, Authentication authentication, Model model, Locale locale,
			RedirectAttributes redirect) {
		return saveRule(null, ruleForm, authentication, model, locale, redirect);
	}

	@GetMapping("/rules/{id}")
	String rule(@PathVariable long id, Authentication authentication, Model model) {
		Rule rule = rule(Admins.of(authentication), id);
		if (!model.containsAttribute("ruleForm")) {
			model.addAttribute("ruleForm", RuleForm.of(rule));
		}
		return ruleForm(rule, authentication, model);
	}

	@PostMapping("/rules/{id}")
	String updateRule(@PathVariable long id, RuleForm ruleForm, Authentication authentication, Model model,
			Locale locale, RedirectAttributes redirect) {
		return saveRule(id, ruleForm, authentication, model, locale, redirect);
	}

	private String saveRule(Long id, RuleForm form, Authentication authentication, Model model, Locale locale,
			RedirectAttributes redirect) {
		StaffCaller caller = Admins.of(authentication);
		Map<String, String> errors = new LinkedHashMap<>();
		form.errorKeys().forEach((field, key) -> errors.put(field, message(key, locale)));
		if (errors.isEmpty()) {
			try {
				Rule saved = (id == null) ? routing.createRule(caller, form.toInput())
						: routing.updateRule(caller, id, form.toInput());
				redirect.addFlashAttribute("message",
						(id == null) ? "admin.routing.ruleCreated" : "admin.routing.ruleSaved");
				redirect.addFlashAttribute("messageArgument", saved.name());
				return "redirect:" + BASE;
			}
			catch (AdminRejectedException ex) {
				errors.putAll(byField(ex.errors()));
			}
			catch (AdminConflictException ex) {
				Rule newer = rule(caller, id);
				model.addAttribute("stale", newer);
				model.addAttribute("ruleForm", form.withVersion(newer.version()));
				return rule(id, authentication, model);
			}
		}
		model.addAttribute("ruleForm", form);
		refused(errors, model);
		return (id == null) ? newRule(authentication, model) : rule(id, authentication, model);
	}

	private String ruleForm(Rule rule, Authentication authentication, Model model) {
		Overview overview = routing.overview(Admins.of(authentication));
		model.addAttribute("rule", rule);
		model.addAttribute("routing", overview);
		model.addAttribute("recommendations", RoutingForms.RECOMMENDATIONS);
		model.addAttribute("companySizes", RoutingForms.COMPANY_SIZES);
		noErrorsYet(model);
		return "dashboard/admin/routing/rule";
	}

	@PostMapping("/rules/{id}/delete")
	String deleteRule(@PathVariable long id, @RequestParam int version, Authentication authentication, Model model,
			RedirectAttributes redirect) {
		StaffCaller caller = Admins.of(authentication);
		try {
			Rule rule = rule(caller, id);
			routing.deleteRule(caller, id, version);
			redirect.addFlashAttribute("message", "admin.routing.ruleDeleted");
			redirect.addFlashAttribute("messageArgument", rule.name());
			return "redirect:" + BASE;
		}
		catch (AdminConflictException ex) {
			model.addAttribute("stale", rule(caller, id));
			return rule(id, authentication, model);
		}
	}

	@PostMapping("/rules/{id}/move")
	String moveRule(@PathVariable long id, @RequestParam int version, @RequestParam String direction,
			Authentication authentication, RedirectAttributes redirect) {
		try {
			routing.moveRule(Admins.of(authentication), id, version, direction);
		}
		catch (AdminConflictException | AdminRejectedException ex) {
			redirect.addFlashAttribute("message", "admin.routing.moveStale");
		}
		catch (AdminNotFoundException ex) {
			throw new PageNotFoundException("routing rule " + id);
		}
		return "redirect:" + BASE + "#rule-" + id;
	}

	@GetMapping("/groups/new")
	String newGroup(Authentication authentication, Model model) {
		if (!model.containsAttribute("groupForm")) {
			model.addAttribute("groupForm", GroupForm.empty());
		}
		return groupForm(null, authentication, model);
	}

	@PostMapping("/groups")
	String createGroup(GroupForm groupForm, Authentication authentication, Model model, RedirectAttributes redirect) {
		return saveGroup(null, groupForm, authentication, model, redirect);
	}

	@GetMapping("/groups/{id}")
	String group(@PathVariable long id, Authentication authentication, Model model) {
		Group group = group(Admins.of(authentication), id);
		if (!model.containsAttribute("groupForm")) {
			model.addAttribute("groupForm", GroupForm.of(group));
		}
		return groupForm(group, authentication, model);
	}

	@PostMapping("/groups/{id}")
	String updateGroup(@PathVariable long id, GroupForm groupForm, Authentication authentication, Model model,
			RedirectAttributes redirect) {
		return saveGroup(id, groupForm, authentication, model, redirect);
	}

	private String saveGroup(Long id, GroupForm form, Authentication authentication, Model model,
			RedirectAttributes redirect) {
		StaffCaller caller = Admins.of(authentication);
		try {
			Group saved = (id == null) ? routing.createGroup(caller, form.toInput())
					: routing.updateGroup(caller, id, form.toInput());
			redirect.addFlashAttribute("message",
					(id == null) ? "admin.routing.groupCreated" : "admin.routing.groupSaved");
			redirect.addFlashAttribute("messageArgument", saved.name());
			return "redirect:" + BASE;
		}
		catch (AdminRejectedException ex) {
			model.addAttribute("groupForm", form);
			refused(byField(ex.errors()), model);
			return (id == null) ? newGroup(authentication, model) : group(id, authentication, model);
		}
		catch (AdminConflictException ex) {
			Group newer = group(caller, id);
			model.addAttribute("stale", newer);
			model.addAttribute("groupForm", form.withVersion(newer.version()));
			return group(id, authentication, model);
		}
	}

	@PostMapping("/groups/{id}/delete")
	String deleteGroup(@PathVariable long id, @RequestParam int version, Authentication authentication, Model model,
			RedirectAttributes redirect) {
		StaffCaller caller = Admins.of(authentication);
		Group group = group(caller, id);
		try {
			routing.deleteGroup(caller, id, version);
			redirect.addFlashAttribute("message", "admin.routing.groupDeleted");
			redirect.addFlashAttribute("messageArgument", group.name());
			return "redirect:" + BASE;
		}
		catch (AdminConflictException ex) {
			List<Problem> problems = new ArrayList<>();
			problems.add(new Problem("", ex.getMessage()));
			ex.errors().forEach((error) -> problems.add(new Problem("", error.message())));
			model.addAttribute("problems", problems);
			model.addAttribute("errors", Map.of());
			return group(id, authentication, model);
		}
	}

	private String groupForm(Group group, Authentication authentication, Model model) {
		model.addAttribute("group", group);
		model.addAttribute("routing", routing.overview(Admins.of(authentication)));
		noErrorsYet(model);
		return "dashboard/admin/routing/group";
	}

	private static Map<String, String> byField(List<FieldError> errors) {
		Map<String, String> messages = new LinkedHashMap<>();
		for (FieldError error : errors) {
			String field = RoutingForms.formField(error.field());
			String text = (field.isEmpty() && error.field() != null && !error.field().isEmpty())
					? error.field() + ": " + error.message() : error.message();
			messages.merge(field, text, (first, next) -> first + " " + next);
		}
		return messages;
	}

	private static void refused(Map<String, String> errors, Model model) {
		model.addAttribute("errors", errors);
		List<Problem> problems = new ArrayList<>();
		errors.forEach((field, text) -> problems.add(new Problem(field, text)));
		model.addAttribute("problems", problems);
	}

	private static void noErrorsYet(Model model) {
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
			model.addAttribute("problems", List.of());
		}
	}

	private Rule rule(StaffCaller caller, long id) {
		try {
			return routing.rule(caller, id);
		}
		catch (AdminNotFoundException ex) {
			throw new PageNotFoundException("routing rule " + id);
		}
	}

	private Group group(StaffCaller caller, long id) {
		try {
			return routing.group(caller, id);
		}
		catch (AdminNotFoundException ex) {
			throw new PageNotFoundException("round-robin group " + id);
		}
	}

	private String message(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

}
