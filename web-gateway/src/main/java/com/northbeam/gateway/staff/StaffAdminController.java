package com.northbeam.gateway.staff;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins create, edit, disable and reset the passwords of staff accounts. */
@Controller
@RequestMapping("/dashboard/admin/staff")
class StaffAdminController {

	private final StaffAccounts accounts;

	StaffAdminController(StaffAccounts accounts) {
		this.accounts = accounts;
	}

	/**
	 * An account's id and email come from the path and the database, never from the form.
	 */
	@InitBinder({ "editStaff", "newPassword" })
	void refuseIdentity(WebDataBinder binder) {
		binder.setDisallowedFields("id", "email");
	}

	@InitBinder("newStaff")
	void refuseIds(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("accounts", accounts.all());
		model.addAttribute("roles", StaffRole.values());
		if (!model.containsAttribute("newStaff")) {
			model.addAttribute("newStaff", StaffForms.NewStaff.empty());
		}
		return "staff/list";
	}

	@PostMapping
	String create(StaffForms.NewStaff newStaff, Model model, RedirectAttributes redirect) {
		try {
			StaffAccount created = accounts.create(newStaff.email(), newStaff.name(), newStaff.roles(),
					newStaff.password());
			redirect.addFlashAttribute("message", "staff.created");
			redirect.addFlashAttribute("messageArgument", created.email());
			return "redirect:/dashboard/admin/staff";
		}
		catch (StaffAccountProblems problems) {
			model.addAttribute("newStaff", newStaff.withoutPassword());
			model.addAttribute("errors", problems.messageKeysByField());
			return list(model);
		}
	}

	@GetMapping("/{id}")
	String edit(@PathVariable UUID id, Model model) {
		StaffAccount account = accounts.byId(id).orElseThrow(() -> new StaffAccountNotFoundException(id));
		model.addAttribute("account", account);
		model.addAttribute("roles", StaffRole.values());
		if (!model.containsAttribute("editStaff")) {
			model.addAttribute("editStaff", StaffForms.EditStaff.of(account));
		}
		return "staff/edit";
	}

	@PostMapping("/{id}")
	String update(@PathVariable UUID id, StaffForms.EditStaff editStaff, Model model, RedirectAttributes redirect) {
		try {
			accounts.update(id, editStaff.version(), editStaff.name(), editStaff.roles(), editStaff.enabled());
			redirect.addFlashAttribute("message", "staff.updated");
			return "redirect:/dashboard/admin/staff/" + id;
		}
		catch (StaffAccountProblems problems) {
			model.addAttribute("editStaff", editStaff);
			model.addAttribute("errors", problems.messageKeysByField());
			return edit(id, model);
		}
		catch (StaleStaffAccountException stale) {
			model.addAttribute("editStaff", StaffForms.EditStaff.of(stale.current()));
			model.addAttribute("staleMessage", "staff.stale");
			return edit(id, model);
		}
	}

	@PostMapping("/{id}/password")
	String resetPassword(@PathVariable UUID id, StaffForms.NewPassword newPassword, Model model,
			RedirectAttributes redirect) {
		try {
			accounts.resetPassword(id, newPassword.password());
			redirect.addFlashAttribute("message", "staff.passwordReset");
			return "redirect:/dashboard/admin/staff/" + id;
		}
		catch (StaffAccountProblems problems) {
			model.addAttribute("passwordErrors", problems.messageKeysByField());
			return edit(id, model);
		}
	}

}
