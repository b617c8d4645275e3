package com.northbeam.gateway.dashboard.content;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.northbeam.gateway.client.ContentEditingClient;
import com.northbeam.gateway.client.ContentEditingClient.ArticleSummary;
import com.northbeam.gateway.client.ContentEditingClient.Faq;
import com.northbeam.gateway.client.ContentRejectedException;
import com.northbeam.gateway.client.StaffCaller;
import com.northbeam.gateway.client.StaleContentException;
import com.northbeam.gateway.dashboard.content.ContentForms.FaqForm;
import com.northbeam.gateway.system.PageNotFoundException;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Editors list, write, order, attach and delete FAQs. */
@Controller
@RequestMapping("/dashboard/content/faqs")
class FaqEditorPages {

	static final List<String> FIELDS = List.of("question", "answer", "position", "articleSlug");

	private final ContentEditingClient content;

	private final MessageSource messages;

	FaqEditorPages(ContentEditingClient content, MessageSource messages) {
		this.content = content;
		this.messages = messages;
	}

	/** The FAQ's id comes from the path, never from the form. */
	@InitBinder("faqForm")
	void refuseIds(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping
	String list(Authentication authentication, Model model) {
		StaffCaller editor = Editors.of(authentication);
		List<Faq> faqs = ordered(content.faqs(editor));
		model.addAttribute("faqs", faqs);
		if (!model.containsAttribute("faqForm")) {
			int next = faqs.isEmpty() ? 0 : faqs.get(faqs.size() - 1).position() + 1;
			model.addAttribute("faqForm", FaqForm.empty(next));
		}
		model.addAttribute("articleSlugs", articleSlugs(editor));
		return "dashboard/content/faqs";
	}

	@PostMapping
	String create(FaqForm faqForm, BindingResult binding, Authentication authentication, Locale locale, Model model,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			model.addAttribute("faqForm", faqForm);
			model.addAttribute("errors", unreadable(binding, locale));
			return list(authentication, model);
		}
		try {
			content.createFaq(Editors.of(authentication), faqForm.toInput());
			redirect.addFlashAttribute("message", "content.faq.created");
			return "redirect:/dashboard/content/faqs";
		}
		catch (ContentRejectedException ex) {
			model.addAttribute("faqForm", faqForm);
			model.addAttribute("errors", Editors.byField(ex.errors(), FIELDS));
			return list(authentication, model);
		}
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Authentication authentication, Model model) {
		StaffCaller editor = Editors.of(authentication);
		Faq faq = find(editor, id);
		if (!model.containsAttribute("faqForm")) {
			model.addAttribute("faqForm", FaqForm.of(faq));
		}
		model.addAttribute("faq", faq);
		model.addAttribute("articleSlugs", articleSlugs(editor));
		return "dashboard/content/faq";
	}

	@PostMapping("/{id}")
	String save(@PathVariable long id, FaqForm faqForm, BindingResult binding, Authentication authentication,
			Locale locale, Model model, RedirectAttributes redirect) {
		StaffCaller editor = Editors.of(authentication);
		if (binding.hasErrors()) {
			model.addAttribute("faqForm", faqForm);
			model.addAttribute("errors", unreadable(binding, locale));
			return edit(id, authentication, model);
		}
		try {
			Editors.found(() -> content.updateFaq(editor, id, faqForm.toInput()));
			redirect.addFlashAttribute("message", "content.faq.saved");
			return "redirect:/dashboard/content/faqs";
		}
		catch (ContentRejectedException ex) {
			model.addAttribute("faqForm", faqForm);
			model.addAttribute("errors", Editors.byField(ex.errors(), FIELDS));
			return edit(id, authentication, model);
		}
		catch (StaleContentException ex) {
			Faq newer = find(editor, id);
			model.addAttribute("faqForm", faqForm.withVersion(newer.version()));
			model.addAttribute("newer", newer);
			return edit(id, authentication, model);
		}
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, Authentication authentication, RedirectAttributes redirect) {
		Editors.found(() -> {
			content.deleteFaq(Editors.of(authentication), id);
			return id;
		});
		redirect.addFlashAttribute("message", "content.faq.deleted");
		return "redirect:/dashboard/content/faqs";
	}

	/** Swaps an FAQ with its neighbour above or below. */
	@PostMapping("/{id}/move")
	String move(@PathVariable long id, @RequestParam String direction, Authentication authentication,
			RedirectAttributes redirect) {
		StaffCaller editor = Editors.of(authentication);
		List<Faq> faqs = ordered(content.faqs(editor));
		int index = indexOf(faqs, id);
		int other = "up".equals(direction) ? index - 1 : index + 1;
		if (other < 0 || other >= faqs.size()) {
			return "redirect:/dashboard/content/faqs";
		}
		Faq moving = faqs.get(index);
		Faq neighbour = faqs.get(other);
		int movingTo = neighbour.position();
		int neighbourTo = moving.position();
		if (movingTo == neighbourTo) {
			// Equal positions keep list order: separate them in the direction asked.
			movingTo = Math.max(0, (other < index) ? neighbour.position() : neighbour.position() + 1);
			neighbourTo = (other < index) ? neighbour.position() + 1 : neighbour.position();
		}
		try {
			content.updateFaq(editor, moving.id(), withPosition(moving, movingTo));
			content.updateFaq(editor, neighbour.id(), withPosition(neighbour, neighbourTo));
			redirect.addFlashAttribute("message", "content.faq.moved");
		}
		catch (StaleContentException | ContentRejectedException ex) {
			redirect.addFlashAttribute("staleMessage", "content.stale.faqOrder");
		}
		return "redirect:/dashboard/content/faqs";
	}

	/** Fields the form could not even read (a position that is not a number). */
	private Map<String, String> unreadable(BindingResult binding, Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>();
		binding.getFieldErrors()
			.forEach(
					(error) -> errors.put(error.getField(), messages.getMessage("content.error.number", null, locale)));
		return errors;
	}

	private Faq find(StaffCaller editor, long id) {
		List<Faq> faqs = content.faqs(editor);
		return faqs.get(indexOf(faqs, id));
	}

	private static int indexOf(List<Faq> faqs, long id) {
		for (int i = 0; i < faqs.size(); i++) {
			if (faqs.get(i).id() == id) {
				return i;
			}
		}
		throw new PageNotFoundException("FAQ " + id);
	}

	private static ContentEditingClient.FaqInput withPosition(Faq faq, int position) {
		return new ContentEditingClient.FaqInput(faq.question(), faq.answer(), position, faq.articleSlug(),
				faq.version());
	}

	private static List<Faq> ordered(List<Faq> faqs) {
		return faqs.stream().sorted(Comparator.comparingInt(Faq::position).thenComparingLong(Faq::id)).toList();
	}

	private List<String> articleSlugs(StaffCaller editor) {
		return content.articles(editor, null).stream().map(ArticleSummary::slug).sorted().toList();
	}

}
