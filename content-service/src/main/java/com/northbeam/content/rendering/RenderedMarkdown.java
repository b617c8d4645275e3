package com.northbeam.content.rendering;

import java.util.List;

/**
 * Markdown rendered to sanitised HTML, with what is derived from it on write.
 *
 * @param html the sanitised HTML
 * @param text the plain text (for search and reading time)
 * @param toc the level 2 and 3 headings in order
 * @param readingMinutes estimated reading time, at least one minute
 */
public record RenderedMarkdown(String html, String text, List<TocEntry> toc, int readingMinutes) {
}
