package com.northbeam.gateway.site;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.northbeam.gateway.client.ContentClient.Article;
import com.northbeam.gateway.client.ContentClient.ArticleFaq;
import com.northbeam.gateway.client.ContentClient.ArticleLookup;
import com.northbeam.gateway.client.ContentClient.ArticlePage;
import com.northbeam.gateway.system.Formats;
import com.northbeam.gateway.system.JsonLd;
import com.northbeam.gateway.system.PageMeta;
import com.northbeam.gateway.system.PageNotFoundException;
import com.northbeam.gateway.system.PublicSite;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The articles index and the article pages, the main guide among them, with each
 * article's share image.
 */
@Controller
class ArticleController {

	static final String PAGE = "/articles/{slug}";

	private static final CacheControl ONE_HOUR = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

	private final SiteContent content;

	private final MessageSource messages;

	private final PublicSite site;

	private final JsonLd jsonLd;

	private final Formats formats;

	private final ShareImages shareImages;

	private final GuidePrompts guidePrompts;

	ArticleController(SiteContent content, MessageSource messages, PublicSite site, JsonLd jsonLd, Formats formats,
			ShareImages shareImages, GuidePrompts guidePrompts) {
		this.content = content;
		this.messages = messages;
		this.site = site;
		this.jsonLd = jsonLd;
		this.formats = formats;
		this.shareImages = shareImages;
		this.guidePrompts = guidePrompts;
	}

	@GetMapping("/articles")
	String index(@RequestParam(defaultValue = "1") int page, Model model) {
		int pageNumber = Math.max(page, 1);
		ArticlePage articles = content.articles(pageNumber);
		String path = (pageNumber == 1) ? "/articles" : "/articles?page=" + pageNumber;
		Map<String, String> crumbs = new LinkedHashMap<>();
		crumbs.put(text("nav.home"), "/");
		crumbs.put(text("articles.heading"), "/articles");
		model.addAttribute("meta", PageMeta.of(text("articles.title"), text("articles.description"), site.url(path))
			.withJsonLd(jsonLd.graph(List.of(jsonLd.breadcrumbs(crumbs)))));
		model.addAttribute("articles", articles);
		model.addAttribute("page", pageNumber);
		return "site/articles";
	}

	/** Links written with a trailing slash land on the page itself. */
	@GetMapping({ "/articles/", "/articles/{slug}/" })
	RedirectView trailingSlash(@PathVariable(required = false) String slug) {
		RedirectView redirect = new RedirectView((slug != null) ? "/articles/" + slug : "/articles", true);
		redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
		return redirect;
	}

	@GetMapping(PAGE)
	Object article(@PathVariable String slug, Model model) {
		ArticleLookup lookup = content.article(slug);
		if (lookup instanceof ArticleLookup.Moved moved) {
			RedirectView redirect = new RedirectView("/articles/" + moved.slug(), true);
			redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
			return redirect;
		}
		if (!(lookup instanceof ArticleLookup.Found found)) {
			throw new PageNotFoundException("" + slug);
		}
		Article article = found.article();
		String path = "/articles/" + article.slug();
		String title = (article.seoTitle() != null && !article.seoTitle().isBlank()) ? article.seoTitle()
				: article.title() + " | " + site.organization();
		String description = (article.seoDescription() != null && !article.seoDescription().isBlank())
				? article.seoDescription() : article.summary();
		PageMeta.Image image = shareImages.of(article, LocaleContextHolder.getLocale());
		model.addAttribute("meta",
				PageMeta.of(title, description, site.url(path))
					.article()
					.withImage(image)
					.withJsonLd(structuredData(article, path, image)));
		model.addAttribute("article", article);
		model.addAttribute("body", HomeController.MAIN_GUIDE.equals(article.slug()) ? guidePrompts.parts(article.html())
				: List.of(new GuidePrompts.Part(article.html(), null)));
		model.addAttribute("bodyHasFaq", article.html() != null && article.html().contains("id=\"faq\""));
		return "site/article";
	}

	/**
	 * The picture link previews show. Only slugs as the site writes them match, so other
	 * text never reaches content-service. Browsers and crawlers may keep it for an hour,
	 * then revalidate it with its ETag.
	 */
	@GetMapping("/articles/{slug:[a-z0-9-]{1,120}}/og.png")
	ResponseEntity<byte[]> shareImage(@PathVariable String slug) {
		ArticleLookup lookup = content.article(slug);
		if (lookup instanceof ArticleLookup.Moved moved) {
			return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
				.location(
						UriComponentsBuilder.fromPath(ShareImages.path("{slug}")).buildAndExpand(moved.slug()).toUri())
				.build();
		}
		if (!(lookup instanceof ArticleLookup.Found found)) {
			throw new PageNotFoundException("share image of " + slug);
		}
		ShareImages.Png png = shareImages.png(found.article(), LocaleContextHolder.getLocale());
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(ONE_HOUR)
			.eTag(png.etag())
			.body(png.bytes());
	}

	private String structuredData(Article article, String path, PageMeta.Image image) {
		List<Map<String, Object>> nodes = new ArrayList<>();
		nodes.add(jsonLd.article(path, article.title(), article.summary(), article.author(),
				formats.iso(article.publishedAt()), formats.iso(article.updatedAt()), image));
		Map<String, String> crumbs = new LinkedHashMap<>();
		crumbs.put(text("nav.home"), "/");
		crumbs.put(text("articles.heading"), "/articles");
		crumbs.put(article.title(), path);
		nodes.add(jsonLd.breadcrumbs(crumbs));
		if (!article.faqs().isEmpty()) {
			Map<String, String> faqs = new LinkedHashMap<>();
			for (ArticleFaq faq : article.faqs()) {
				faqs.put(faq.question(), faq.answerHtml());
			}
			nodes.add(jsonLd.faqPage(faqs));
		}
		return jsonLd.graph(nodes);
	}

	private String text(String code) {
		return messages.getMessage(code, null, LocaleContextHolder.getLocale());
	}

}
