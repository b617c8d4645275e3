package com.northbeam.gateway;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of script-injection payloads for checking that whatever a prospect typed, or a
 * service returned, is rendered inert: every dashboard page escapes it as text. Shared by
 * the dashboard's page tests; {@link #assertInert(String, List)} is the check.
 */
public final class XssPayloads {

	/**
	 * At least 30 payloads: tags, attribute break-outs, URL schemes, encodings, SVG and
	 * template syntax.
	 */
	public static final List<String> ALL = List.of("<script>alert('x')</script>",
			"<SCRIPT SRC=//evil.test/x.js></SCRIPT>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>",
			"<svg><script>alert(1)</script></svg>", "\"><script>alert(1)</script>", "'><script>alert(1)</script>",
			"\" onmouseover=\"alert(1)", "' onfocus='alert(1)' autofocus='",
			"<iframe src=\"javascript:alert(1)\"></iframe>", "<a href=\"javascript:alert(1)\">click</a>",
			"<body onload=alert(1)>", "<input autofocus onfocus=alert(1)>", "<details open ontoggle=alert(1)>",
			"<video><source onerror=\"alert(1)\"></video>",
			"<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
			"<object data=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\"></object>",
			"<embed src=\"javascript:alert(1)\">", "<link rel=stylesheet href=\"javascript:alert(1)\">",
			"<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
			"<style>@import 'javascript:alert(1)';</style>",
			"<div style=\"background:url(javascript:alert(1))\">x</div>", "</textarea><script>alert(1)</script>",
			"</title><script>alert(1)</script>", "</script><script>alert(1)</script>",
			"<!--<script>alert(1)</script>-->", "<![CDATA[<script>alert(1)</script>]]>",
			"<scr<script>ipt>alert(1)</scr</script>ipt>", "&lt;script&gt;alert(1)&lt;/script&gt;",
			"<form action=\"https://evil.test\"><button>go</button></form>", "<base href=\"https://evil.test/\">",
			"[[${T(java.lang.Runtime).getRuntime()}]] <b>bold</b>", "${7*7} #{7*7} <i onclick=alert(1)>i</i>",
			"<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">x</text></a></svg>",
			"\u003cscript\u003ealert('unicode')\u003c/script\u003e",
			"<ScRiPt>alert(String.fromCharCode(88,83,83))</sCrIpT>",
			"<img src=\"x\" onerror=\"&#97;&#108;&#101;&#114;&#116;(1)\">");

	private XssPayloads() {
	}

	/**
	 * Text as an HTML page shows it escaped: {@code & < > " '} as Thymeleaf writes them.
	 */
	public static String escaped(String text) {
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (char c : text.toCharArray()) {
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	/**
	 * Asserts that each payload appears in {@code html} only escaped: the escaped form is
	 * there (so the payload was rendered at all) and the raw form, with its markup, is
	 * not.
	 */
	public static void assertInert(String html, List<String> payloads) {
		List<String> problems = new ArrayList<>();
		for (String payload : payloads) {
			if (!html.contains(escaped(payload))) {
				problems.add("not shown escaped: " + payload);
			}
			if (payload.matches("(?s).*[<>\"'].*") && html.contains(payload)) {
				problems.add("shown raw: " + payload);
			}
		}
		assertThat(problems).as("payloads rendered unsafely").isEmpty();
		assertThat(html).doesNotContainIgnoringCase("href=\"javascript:")
			.doesNotContainIgnoringCase("src=\"javascript:");
	}

}
