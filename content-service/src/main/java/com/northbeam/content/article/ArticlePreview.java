package com.northbeam.content.article;

import java.util.List;

import com.northbeam.content.rendering.TocEntry;

/**
 * Markdown rendered as a save would store it: the sanitised HTML and its table of
 * contents.
 */
public record ArticlePreview(String html, List<TocEntry> toc) {
}
