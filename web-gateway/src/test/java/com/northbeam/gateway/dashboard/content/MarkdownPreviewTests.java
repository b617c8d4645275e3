package com.northbeam.gateway.dashboard.content;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownPreviewTests {

	private final MarkdownPreview preview = new MarkdownPreview();

	@Test
	void rendersMarkdownWithTables() {
		assertThat(preview.render("## Costs\n\n| Model | Cost |\n|---|---|\n| Co-managed | Lower |\n\n**bold** _em_"))
			.contains("<h2>Costs</h2>", "<table>", "<td>Co-managed</td>", "<strong>bold</strong>", "<em>em</em>");
	}

	@Test
	void nothingToRenderIsEmpty() {
		assertThat(preview.render("  ")).isEmpty();
		assertThat(preview.render(null)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
			"<svg onload=alert(1)></svg>", "<iframe src=\"https://evil.example\"></iframe>",
			"[click](javascript:alert(1))", "<a href=\"javascript:alert(1)\">x</a>", "![x](javascript:alert(1))",
			"<style>body{display:none}</style>", "<form action=\"https://evil.example\"><input></form>",
			"<div onmouseover=\"alert(1)\">hover</div>", "<object data=\"x.swf\"></object>",
			"<a href=\"vbscript:msgbox(1)\">x</a>", "<a href=\"data:text/html;base64,PHNjcmlwdD4=\">x</a>",
			"<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">", "<base href=\"https://evil.example/\">",
			"<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", "<details open ontoggle=alert(1)>",
			"<body onload=alert(1)>", "<embed src=\"x\">", "<link rel=stylesheet href=\"https://evil.example/x.css\">" })
	void whateverAnEditorTypesRendersInert(String payload) {
		String html = preview.render("Text before\n\n" + payload + "\n\nText after").toLowerCase(Locale.ROOT);

		assertThat(html).doesNotContain("<script", "<iframe", "<svg", "<style", "<form", "<object", "<embed", "<meta",
				"<base", "<link", "javascript:", "vbscript:", "data:text", " on");
	}

}
