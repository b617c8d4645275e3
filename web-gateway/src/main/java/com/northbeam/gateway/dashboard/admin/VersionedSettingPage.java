package com.northbeam.gateway.dashboard.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

import com.northbeam.gateway.client.AdminConflictException;
import com.northbeam.gateway.client.AdminRejectedException;

import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How an admin page shows and saves a setting kept in versions (the price assumptions,
 * the response target): the form starts from the current version unless a failed save
 * left the admin's input; a save names the version it was based on; wrong fields, checked
 * here first (nothing is sent while one is wrong) or refused by the service, are shown
 * next to them; if someone saved first, their version is shown as {@code stale} and the
 * admin's input kept, based on it, to be saved again knowingly.
 *
 * @param <S> a stored version of the setting
 * @param <F> the page's form
 */
final class VersionedSettingPage<S, F extends VersionedSettingPage.Form<F>> {

	/** How many earlier versions the page lists. */
	static final int HISTORY = 20;

	private final MessageSource messages;

	private final String view;

	private final String formName;

	private final String savedMessage;

	private final ToIntFunction<S> version;

	/**
	 * @param view the page's template, whose name is also the page's path
	 * @param formName the model attribute that holds the form
	 * @param savedMessage the message key flashed after a save, given the new version
	 * @param version the version number of a stored version
	 */
	VersionedSettingPage(MessageSource messages, String view, String formName, String savedMessage,
			ToIntFunction<S> version) {
		this.messages = messages;
		this.view = view;
		this.formName = formName;
		this.savedMessage = savedMessage;
		this.version = version;
	}

	/**
	 * Adds the current version, its history, the form (drawn from the current version
	 * unless a failed save left one) and the errors (none unless a failed save left
	 * some); returns the view.
	 */
	String show(Model model, S current, List<S> history, Function<S, F> formOf) {
		if (!model.containsAttribute(this.formName)) {
			model.addAttribute(this.formName, formOf.apply(current));
		}
		model.addAttribute("current", current);
		model.addAttribute("history", history);
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return this.view;
	}

	/**
	 * Stores the form and redirects to the page, or shows the page again with
	 * {@code show}: with the form's errors, the service's refusals, or the newer version
	 * ({@code current}) that someone saved first.
	 */
	String save(F form, Function<F, S> store, Supplier<S> current, Supplier<String> show, Model model, Locale locale,
			RedirectAttributes redirect) {
		if (!form.errorKeys().isEmpty()) {
			Map<String, String> errors = new LinkedHashMap<>();
			form.errorKeys().forEach((field, key) -> errors.put(field, this.messages.getMessage(key, null, locale)));
			return showAgain(form, errors, show, model);
		}
		try {
			S saved = store.apply(form);
			redirect.addFlashAttribute("message", this.savedMessage);
			redirect.addFlashAttribute("messageArgument", this.version.applyAsInt(saved));
			return "redirect:/" + this.view;
		}
		catch (AdminRejectedException ex) {
			return showAgain(form, Admins.byField(ex.errors(), form::has), show, model);
		}
		catch (AdminConflictException ex) {
			S newer = current.get();
			model.addAttribute("stale", newer);
			return showAgain(form.basedOn(this.version.applyAsInt(newer)), Map.of(), show, model);
		}
	}

	private String showAgain(F form, Map<String, String> errors, Supplier<String> show, Model model) {
		model.addAttribute(this.formName, form);
		model.addAttribute("errors", errors);
		return show.get();
	}

	/** What the page's form offers besides its fields. */
	interface Form<F> {

		/**
		 * Message keys of the wrong fields, by field name; empty when the form can be
		 * sent.
		 */
		Map<String, String> errorKeys();

		/** Whether the form has a field of this name (to show a refusal next to it). */
		boolean has(String field);

		/** The same form, to be saved over {@code version}. */
		F basedOn(int version);

	}

}
