package com.northbeam.content.rendering;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever Markdown an editor saves, the rendered HTML holds no element that runs or
 * embeds code, no event handler attribute, no style, and no link or image whose URL has a
 * scheme other than http, https or mailto (so no {@code javascript:}, {@code data:} or
 * {@code vbscript:}); rendering never throws and gives a reading time.
 */
class MarkdownRendererFuzzTests {

	private static final MarkdownRenderer RENDERER = new MarkdownRenderer();

	private static final Set<String> ACTIVE = Set.of("script", "iframe", "object", "embed", "style", "link", "meta",
			"base", "form", "input", "button", "svg", "math", "frame", "frameset", "applet", "template", "textarea",
			"select", "video", "audio", "source");

	private static final Set<String> SCHEMES = Set.of("http", "https", "mailto");

	private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*");

	@FuzzTest(maxDuration = "5m")
	void anyMarkdown(byte[] data) {
		RenderedMarkdown rendered = RENDERER.render(new String(data, StandardCharsets.UTF_8));

		assertThat(rendered.readingMinutes()).isPositive();
		Document document = Jsoup.parseBodyFragment(rendered.html());
		for (Element element : document.body().getAllElements()) {
			assertThat(ACTIVE).as("element in %s", rendered.html()).doesNotContain(element.normalName());
			for (Attribute attribute : element.attributes()) {
				String name = attribute.getKey().toLowerCase(Locale.ROOT);
				assertThat(name).as("attribute in %s", rendered.html()).doesNotStartWith("on").isNotEqualTo("style");
				if (name.equals("href") || name.equals("src")) {
					assertSafeUrl(attribute.getValue(), rendered.html());
				}
			}
		}
	}

	private static void assertSafeUrl(String url, String html) {
		String compact = url.replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
		int colon = compact.indexOf(':');
		int boundary = indexOfAny(compact, "/?#");
		if (colon < 0 || (boundary >= 0 && boundary < colon)) {
			return;
		}
		String scheme = compact.substring(0, colon);
		if (!SCHEME.matcher(scheme).matches()) {
			// Not a scheme: a browser reads the URL as relative (WHATWG URL)
			return;
		}
		assertThat(SCHEMES).as("scheme of %s in %s", url, html).contains(scheme);
	}

	private static int indexOfAny(String text, String characters) {
		for (int i = 0; i < text.length(); i++) {
			if (characters.indexOf(text.charAt(i)) >= 0) {
				return i;
			}
		}
		return -1;
	}

}
