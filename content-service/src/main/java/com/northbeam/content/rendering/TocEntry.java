package com.northbeam.content.rendering;

/** One heading of an article: its anchor id, its text and its level (2 or 3). */
public record TocEntry(String id, String text, int level) {
}
