package com.northbeam.content.rendering;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownRendererTests {

	private final MarkdownRenderer renderer = new MarkdownRenderer();

	@Test
	void headingsGetExplicitOrDerivedAnchorIdsAndFormTheTableOfContents() {
		RenderedMarkdown rendered = renderer.render("""
				Intro.

				## Why it matters {#why-the-support-model-matters}

				### Specialized skills are missing {#missing-specialised-skills}

				## Cost Considerations

				## Cost considerations

				#### Too deep for the table of contents
				""");
		assertThat(rendered.toc()).containsExactly(new TocEntry("why-the-support-model-matters", "Why it matters", 2),
				new TocEntry("missing-specialised-skills", "Specialized skills are missing", 3),
				new TocEntry("cost-considerations", "Cost Considerations", 2),
				new TocEntry("cost-considerations-1", "Cost considerations", 2));
		assertThat(rendered.html()).contains("<h2 id=\"why-the-support-model-matters\">Why it matters</h2>")
			.doesNotContain("{#");
	}

	@Test
	void rendersTablesAndComputesTextAndReadingTime() {
		RenderedMarkdown rendered = renderer
			.render("| Area | A | B |\n| --- | --- | --- |\n| one | x | y |\n\n" + "word ".repeat(500));
		Element table = Jsoup.parseBodyFragment(rendered.html()).selectFirst("table");
		assertThat(table).isNotNull();
		assertThat(table.select("thead th").eachText()).containsExactly("Area", "A", "B");
		assertThat(table.select("tbody tr")).hasSize(1);
		assertThat(rendered.text()).startsWith("Area A B one x y word");
		assertThat(rendered.readingMinutes()).isEqualTo(3);
	}

	@Test
	void anEmptyBodyStillReadsInAMinute() {
		assertThat(renderer.render("").readingMinutes()).isEqualTo(1);
	}

}
