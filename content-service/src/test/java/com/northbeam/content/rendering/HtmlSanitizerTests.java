package com.northbeam.content.rendering;

import java.util.List;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlSanitizerTests {

	/**
	 * Payloads an editor might paste, in raw HTML or in Markdown; none may survive
	 * rendering.
	 */
	static final List<String> XSS_PAYLOADS = List.of("<script>alert(1)</script>",
			"<SCRIPT SRC=//evil.example/x.js></SCRIPT>", "<img src=x onerror=alert(1)>",
			"<img src=\"javascript:alert(1)\">", "<svg onload=alert(1)>", "<svg><script>alert(1)</script></svg>",
			"<body onload=alert(1)>", "<iframe src=\"https://evil.example\"></iframe>",
			"<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>", "<a href=\"javascript:alert(1)\">click</a>",
			"<a href=\"JaVaScRiPt:alert(1)\">click</a>", "<a href=\"&#106;avascript:alert(1)\">click</a>",
			"<a href=\"jav&#x09;ascript:alert(1)\">click</a>", "<a href=\" javascript:alert(1)\">click</a>",
			"<a href=\"vbscript:msgbox(1)\">click</a>",
			"<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">click</a>",
			"[click](javascript:alert(1))", "[click](JAVASCRIPT:alert(1))", "![x](javascript:alert(1))",
			"<javascript:alert(1)>", "<div onmouseover=\"alert(1)\">hover</div>",
			"<p style=\"background:url(javascript:alert(1))\">styled</p>",
			"<style>body{background:url(javascript:alert(1))}</style>",
			"<object data=\"javascript:alert(1)\"></object>", "<embed src=\"javascript:alert(1)\">",
			"<form action=\"javascript:alert(1)\"><input type=submit></form>",
			"<button formaction=\"javascript:alert(1)\">x</button>",
			"<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
			"<link rel=stylesheet href=\"javascript:alert(1)\">",
			"<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
			"<base href=\"javascript:alert(1)//\">", "<details open ontoggle=alert(1)>",
			"<video><source onerror=\"alert(1)\"></video>",
			"<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>",
			"<h2 id=\"x\" onclick=\"alert(1)\">Heading</h2>", "<scr<script>ipt>alert(1)</scr</script>ipt>",
			"<<script>alert(1);//<</script>", "<img \"\"\"><script>alert(1)</script>\">",
			"<a href=\"https://ok.example\" onclick=\"alert(1)\">fine link, bad handler</a>",
			"| a | b |\n|---|---|\n| <img src=x onerror=alert(1)> | [x](javascript:alert(1)) |");

	private final MarkdownRenderer renderer = new MarkdownRenderer();

	private final HtmlSanitizer sanitizer = new HtmlSanitizer();

	@Test
	void theCorpusHasAtLeastThirtyPayloads() {
		assertThat(XSS_PAYLOADS).hasSizeGreaterThanOrEqualTo(30).doesNotHaveDuplicates();
	}

	@ParameterizedTest
	@FieldSource("XSS_PAYLOADS")
	void nothingExecutableSurvivesRendering(String payload) {
		assertSafe(renderer.render("Some text.\n\n" + payload + "\n\nMore text.").html());
	}

	@ParameterizedTest
	@FieldSource("XSS_PAYLOADS")
	void nothingExecutableSurvivesSanitisingRawHtml(String payload) {
		assertSafe(sanitizer.sanitize(payload));
	}

	@Test
	void safeMarkupSurvives() {
		String html = sanitizer.sanitize("<h2 id=\"costs\">Costs</h2><p><a href=\"/articles/x\">relative</a> "
				+ "<a href=\"https://example.com\">absolute</a> <a href=\"#faq\">anchor</a></p>"
				+ "<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>b</td></tr></tbody></table>");
		Element body = Jsoup.parseBodyFragment(html).body();
		assertThat(body.select("h2#costs")).hasSize(1);
		assertThat(body.select("a").eachAttr("href")).containsExactly("/articles/x", "https://example.com", "#faq");
		assertThat(body.select("table td")).hasSize(1);
	}

	private static void assertSafe(String html) {
		Element body = Jsoup.parseBodyFragment(html).body();
		assertThat(body.select(
				"script, iframe, object, embed, style, link, meta, base, form, input, button, svg, math, video, source, details"))
			.as(html)
			.isEmpty();
		for (Element element : body.getAllElements()) {
			for (Attribute attribute : element.attributes()) {
				String name = attribute.getKey().toLowerCase(Locale.ROOT);
				String value = attribute.getValue().toLowerCase(Locale.ROOT).replaceAll("\\s", "");
				assertThat(name).as(html).doesNotStartWith("on").isNotEqualTo("style").isNotEqualTo("srcdoc");
				assertThat(value).as(html)
					.doesNotContain("javascript:")
					.doesNotContain("vbscript:")
					.doesNotStartWith("data:");
			}
		}
		assertThat(html.toLowerCase(Locale.ROOT)).as(html).doesNotContain("<script");
	}

}
