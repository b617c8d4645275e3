package com.northbeam.content.rendering;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import org.springframework.stereotype.Component;

/**
 * Renders editor Markdown (CommonMark with GitHub tables) to sanitised HTML on write.
 * <p>
 * Every heading gets an anchor id: an explicit one written as a trailing
 * {@code {#some-id}} (how the guide keeps the stable ids other services link to),
 * otherwise one derived from its text by commonmark's heading-anchor rules (lower case,
 * spaces to dashes, duplicates numbered).
 */
@Component
public class MarkdownRenderer {

	private static final Pattern EXPLICIT_ID = Pattern.compile("\\s*\\{#([a-z0-9][a-z0-9_-]*)\\}\\s*$");

	private static final int WORDS_PER_MINUTE = 220;

	private final List<Extension> extensions = List.of(TablesExtension.create());

	private final Parser parser = Parser.builder().extensions(extensions).build();

	private final HtmlSanitizer sanitizer = new HtmlSanitizer();

	public RenderedMarkdown render(String markdown) {
		Node document = parser.parse(markdown);
		Map<Node, String> headingIds = assignHeadingIds(document);
		HtmlRenderer renderer = HtmlRenderer.builder()
			.extensions(extensions)
			.sanitizeUrls(true)
			.attributeProviderFactory((context) -> (node, tagName, attributes) -> {
				String id = headingIds.get(node);
				if (id != null) {
					attributes.put("id", id);
				}
			})
			.build();
		String html = sanitizer.sanitize(renderer.render(document));
		Element body = Jsoup.parseBodyFragment(html).body();
		List<TocEntry> toc = new ArrayList<>();
		for (Element heading : body.select("h2[id], h3[id]")) {
			toc.add(new TocEntry(heading.id(), heading.text(), heading.tagName().equals("h2") ? 2 : 3));
		}
		String text = body.text();
		int words = text.isBlank() ? 0 : text.trim().split("\\s+").length;
		int minutes = Math.max(1, (int) Math.ceil(words / (double) WORDS_PER_MINUTE));
		return new RenderedMarkdown(html, text, List.copyOf(toc), minutes);
	}

	private static Map<Node, String> assignHeadingIds(Node document) {
		IdGenerator ids = IdGenerator.builder().build();
		Map<Node, String> headingIds = new IdentityHashMap<>();
		document.accept(new AbstractVisitor() {
			@Override
			public void visit(Heading heading) {
				String explicit = stripExplicitId(heading);
				headingIds.put(heading, ids.generateId((explicit != null) ? explicit : textOf(heading)));
			}
		});
		return headingIds;
	}

	private static String stripExplicitId(Heading heading) {
		if (heading.getLastChild() instanceof Text last) {
			Matcher matcher = EXPLICIT_ID.matcher(last.getLiteral());
			if (matcher.find()) {
				last.setLiteral(last.getLiteral().substring(0, matcher.start()));
				return matcher.group(1);
			}
		}
		return null;
	}

	private static String textOf(Node node) {
		StringBuilder text = new StringBuilder();
		node.accept(new AbstractVisitor() {
			@Override
			public void visit(Text literal) {
				text.append(literal.getLiteral());
			}

			@Override
			public void visit(Code code) {
				text.append(code.getLiteral());
			}
		});
		return text.toString();
	}

}
