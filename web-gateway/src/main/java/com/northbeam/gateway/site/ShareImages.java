package com.northbeam.gateway.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.northbeam.gateway.client.ContentClient.Article;
import com.northbeam.gateway.system.PageMeta;
import com.northbeam.gateway.system.PublicSite;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;

/**
 * Articles' share images ({@link ShareCard}): drawn when first asked for, then kept in
 * memory. The cache is keyed by what a picture shows, so an edited title gets a new
 * picture as soon as the site's content cache sees the edit.
 */
@Component
class ShareImages {

	/** About 40 to 70 KB a picture: a few hundred articles' pictures. */
	private static final long CACHE_BYTES = 16 * 1024 * 1024;

	private final MessageSource messages;

	private final PublicSite site;

	private final Cache<ShareCard, Png> images = Caffeine.newBuilder()
		.maximumWeight(CACHE_BYTES)
		.weigher((ShareCard card, Png png) -> png.bytes().length)
		.build();

	ShareImages(MessageSource messages, PublicSite site) {
		this.messages = messages;
		this.site = site;
	}

	static String path(String slug) {
		return "/articles/" + slug + "/og.png";
	}

	/** The article's share image as link previews and structured data name it. */
	PageMeta.Image of(Article article, Locale locale) {
		String alt = messages.getMessage("share.image.alt", new Object[] { article.title(), site.organization() },
				locale);
		return new PageMeta.Image(site.url(path(article.slug())), ShareCard.WIDTH, ShareCard.HEIGHT, alt);
	}

	Png png(Article article, Locale locale) {
		return images.get(card(article, locale), (card) -> new Png(card.png()));
	}

	private ShareCard card(Article article, Locale locale) {
		List<String> label = new ArrayList<>();
		if (article.kind() != null) {
			label.add(messages.getMessage("kind." + article.kind(), null, "", locale));
		}
		if (article.readingMinutes() != null) {
			label.add(messages.getMessage("article.readingTime", new Object[] { article.readingMinutes() }, locale));
		}
		label.removeIf(String::isBlank);
		return new ShareCard(site.organization(), String.join(" \u00b7 ", label), article.title(),
				messages.getMessage("site.tagline", null, locale));
	}

	/** A drawn picture and its ETag. */
	record Png(byte[] bytes, String etag) {

		Png(byte[] bytes) {
			this(bytes, "\"" + DigestUtils.md5DigestAsHex(bytes) + "\"");
		}

	}

}
