package com.northbeam.gateway.dashboard.content;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.northbeam.gateway.client.ContentEditingClient;
import com.northbeam.gateway.client.ContentEditingClient.Article;
import com.northbeam.gateway.client.ContentEditingClient.ArticleSummary;
import com.northbeam.gateway.client.ContentEditingClient.Transition;
import com.northbeam.gateway.client.ContentNotFoundException;
import com.northbeam.gateway.client.ContentRejectedException;
import com.northbeam.gateway.client.ServiceUnavailableException;
import com.northbeam.gateway.client.StaffCaller;
import com.northbeam.gateway.client.StaleContentException;
import com.northbeam.gateway.dashboard.content.ContentForms.ArticleForm;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Editors list, write, preview, publish and restore articles. Every change goes to
 * content-service with a token for the signed-in editor; a refusal is shown next to the
 * field with the input kept, and a stale edit shows the newer saved state beside the
 * editor's own text.
 */
@Controller
@RequestMapping("/dashboard/content")
class ArticleEditorPages {

	static final List<String> FIELDS = List.of("slug", "kind", "title", "summary", "body", "tags", "author", "seoTitle",
			"seoDescription", "publishAt", "related");

	private final ContentEditingClient content;

	private final MessageSource messages;

	ArticleEditorPages(ContentEditingClient content, MessageSource messages) {
		this.content = content;
		this.messages = messages;
	}

	/** The article's id comes from the path, never from the form. */
	@InitBinder("articleForm")
	void refuseIds(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String kind,
			Authentication authentication, Model model) {
		String statusFilter = (status != null && ContentForms.STATUSES.contains(status)) ? status : null;
		String kindFilter = (kind != null && ContentForms.KINDS.contains(kind)) ? kind : null;
		List<ArticleSummary> articles = content.articles(Editors.of(authentication), statusFilter)
			.stream()
			.filter((article) -> kindFilter == null || kindFilter.equals(article.kind()))
			.sorted(Comparator.comparing(ArticleSummary::updatedAt, Comparator.nullsLast(Comparator.reverseOrder())))
			.toList();
		model.addAttribute("articles", articles);
		model.addAttribute("status", statusFilter);
		model.addAttribute("kind", kindFilter);
		model.addAttribute("statuses", ContentForms.STATUSES);
		model.addAttribute("kinds", ContentForms.KINDS);
		return "dashboard/content/articles";
	}

	@GetMapping("/articles/new")
	String newArticle(Model model) {
		model.addAttribute("articleForm", ArticleForm.empty());
		return newPage(model);
	}

	@PostMapping("/articles")
	String create(ArticleForm articleForm, Authentication authentication, Model model, RedirectAttributes redirect) {
		try {
			Article created = content.create(Editors.of(authentication), articleForm.toInput());
			redirect.addFlashAttribute("message", "content.article.created");
			return "redirect:/dashboard/content/articles/" + created.id();
		}
		catch (ContentRejectedException ex) {
			model.addAttribute("articleForm", articleForm);
			model.addAttribute("errors", Editors.byField(ex.errors(), FIELDS));
			return newPage(model);
		}
	}

	@PostMapping("/articles/preview")
	String previewNew(ArticleForm articleForm, Authentication authentication, Model model) {
		model.addAttribute("articleForm", articleForm);
		preview(Editors.of(authentication), articleForm.body(), model);
		return newPage(model);
	}

	@GetMapping("/articles/{id}")
	String edit(@PathVariable long id, Authentication authentication, Model model) {
		Article article = Editors.found(() -> content.article(Editors.of(authentication), id));
		if (!model.containsAttribute("articleForm")) {
			model.addAttribute("articleForm", ArticleForm.of(article));
		}
		return editPage(article, model);
	}

	@PostMapping("/articles/{id}")
	String save(@PathVariable long id, ArticleForm articleForm, Authentication authentication, Model model,
			RedirectAttributes redirect) {
		StaffCaller editor = Editors.of(authentication);
		try {
			content.update(editor, id, articleForm.toInput());
			redirect.addFlashAttribute("message", "content.article.saved");
			return "redirect:/dashboard/content/articles/" + id;
		}
		catch (ContentRejectedException ex) {
			model.addAttribute("articleForm", articleForm);
			model.addAttribute("errors", Editors.byField(ex.errors(), FIELDS));
			return edit(id, authentication, model);
		}
		catch (StaleContentException ex) {
			Article newer = Editors.found(() -> content.article(editor, id));
			// Saving again applies the editor's text on top of the newer version,
			// knowingly.
			model.addAttribute("articleForm", articleForm.withVersion(newer.version()));
			model.addAttribute("newer", newer);
			preview(editor, articleForm.body(), model);
			return editPage(newer, model);
		}
	}

	@PostMapping("/articles/{id}/preview")
	String previewEdit(@PathVariable long id, ArticleForm articleForm, Authentication authentication, Model model) {
		model.addAttribute("articleForm", articleForm);
		preview(Editors.of(authentication), articleForm.body(), model);
		return edit(id, authentication, model);
	}

	/** The preview alone, for the page's script to refresh while the editor types. */
	@PostMapping("/preview")
	String previewFragment(@RequestParam(defaultValue = "") String body, Authentication authentication, Model model) {
		preview(Editors.of(authentication), body, model);
		return "dashboard/content/preview :: preview";
	}

	@PostMapping("/articles/{id}/{transition:publish|schedule|unpublish|archive}")
	String transition(@PathVariable long id, @PathVariable String transition, @RequestParam int version,
			@RequestParam(required = false) String publishAt, Authentication authentication, Locale locale, Model model,
			RedirectAttributes redirect) {
		Transition change = Transition.valueOf(transition.toUpperCase(Locale.ROOT));
		Instant when = null;
		if (change == Transition.SCHEDULE) {
			when = ContentForms.utc(publishAt);
			if (when == null) {
				model.addAttribute("errors",
						Map.of("publishAt", messages.getMessage("content.error.publishAt", null, locale)));
				model.addAttribute("publishAt", publishAt);
				return edit(id, authentication, model);
			}
		}
		try {
			content.transition(Editors.of(authentication), id, change, version, when);
			redirect.addFlashAttribute("message", "content.article." + transition);
			return "redirect:/dashboard/content/articles/" + id;
		}
		catch (ContentRejectedException ex) {
			model.addAttribute("errors", Editors.byField(ex.errors(), FIELDS));
			model.addAttribute("publishAt", publishAt);
			return edit(id, authentication, model);
		}
		catch (StaleContentException ex) {
			redirect.addFlashAttribute("staleMessage", "content.stale.status");
			return "redirect:/dashboard/content/articles/" + id;
		}
	}

	@PostMapping("/articles/{id}/related")
	String related(@PathVariable long id, @RequestParam(defaultValue = "") String related,
			Authentication authentication, Model model, RedirectAttributes redirect) {
		try {
			content.replaceRelated(Editors.of(authentication), id, ContentForms.relatedSlugs(related));
			redirect.addFlashAttribute("message", "content.article.relatedSaved");
			return "redirect:/dashboard/content/articles/" + id;
		}
		catch (ContentRejectedException ex) {
			model.addAttribute("errors", Editors.byField(ex.errors(), FIELDS));
			model.addAttribute("relatedText", related);
			return edit(id, authentication, model);
		}
	}

	@GetMapping("/articles/{id}/revisions")
	String revisions(@PathVariable long id, Authentication authentication, Model model) {
		StaffCaller editor = Editors.of(authentication);
		model.addAttribute("article", Editors.found(() -> content.article(editor, id)));
		model.addAttribute("revisions", Editors.found(() -> content.revisions(editor, id)));
		return "dashboard/content/revisions";
	}

	@GetMapping("/articles/{id}/revisions/{revision}")
	String revision(@PathVariable long id, @PathVariable int revision, Authentication authentication, Model model) {
		StaffCaller editor = Editors.of(authentication);
		model.addAttribute("article", Editors.found(() -> content.article(editor, id)));
		model.addAttribute("revision", Editors.found(() -> content.revision(editor, id, revision)));
		return "dashboard/content/revision";
	}

	@PostMapping("/articles/{id}/revisions/{revision}/restore")
	String restore(@PathVariable long id, @PathVariable int revision, @RequestParam int version,
			Authentication authentication, RedirectAttributes redirect) {
		try {
			Editors.found(() -> content.restore(Editors.of(authentication), id, revision, version));
			redirect.addFlashAttribute("message", "content.article.restored");
			redirect.addFlashAttribute("messageArgument", revision);
		}
		catch (StaleContentException ex) {
			redirect.addFlashAttribute("staleMessage", "content.stale.status");
		}
		catch (ContentRejectedException ex) {
			redirect.addFlashAttribute("staleMessage", "content.restore.refused");
		}
		return "redirect:/dashboard/content/articles/" + id;
	}

	/**
	 * content-service's rendering of the unsaved text, the same as the saved page will
	 * show; when it cannot render now, or refuses the text, the preview says so and the
	 * form stays as typed.
	 */
	private void preview(StaffCaller editor, String body, Model model) {
		if (body == null || body.isBlank()) {
			model.addAttribute("previewHtml", "");
			return;
		}
		try {
			model.addAttribute("previewHtml", content.preview(editor, body).html());
		}
		catch (ContentRejectedException ex) {
			model.addAttribute("previewRefused", String.join(" ", Editors.byField(ex.errors(), FIELDS).values()));
		}
		catch (ServiceUnavailableException | ContentNotFoundException ex) {
			// A content-service without the preview endpoint (404) cannot render it
			// either.
			model.addAttribute("previewUnavailable", true);
		}
	}

	private String newPage(Model model) {
		model.addAttribute("kinds", ContentForms.KINDS);
		return "dashboard/content/article";
	}

	private String editPage(Article article, Model model) {
		model.addAttribute("article", article);
		model.addAttribute("kinds", ContentForms.KINDS);
		if (!model.containsAttribute("publishAt")) {
			model.addAttribute("publishAt", ContentForms.localValue(article.publishAt()));
		}
		if (!model.containsAttribute("relatedText")) {
			model.addAttribute("relatedText", String.join("\n", article.related()));
		}
		return "dashboard/content/article";
	}

}
