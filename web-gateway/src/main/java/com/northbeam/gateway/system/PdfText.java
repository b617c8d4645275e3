package com.northbeam.gateway.system;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.font.PDType1Font;

/**
 * Text for the PDF reports, written with PDF's standard fonts: wrapped to a width, and
 * kept to the characters those fonts know.
 */
public final class PdfText {

	private PdfText() {
	}

	/** {@code text} broken into lines at spaces, each at most {@code width} wide. */
	public static List<String> wrap(PDType1Font font, float size, String text, float width) throws IOException {
		List<String> lines = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String word : text.split(" ")) {
			String candidate = current.isEmpty() ? word : current + " " + word;
			if (font.getStringWidth(candidate) / 1000 * size > width && !current.isEmpty()) {
				lines.add(current.toString());
				current = new StringBuilder(word);
			}
			else {
				current = new StringBuilder(candidate);
			}
		}
		if (!current.isEmpty()) {
			lines.add(current.toString());
		}
		return lines;
	}

	/**
	 * The standard PDF fonts know Latin-1 only: typographic characters become their plain
	 * forms, anything else {@code ?}.
	 */
	public static String safe(String text) {
		if (text == null) {
			return "";
		}
		String plain = text.replace('\u2018', '\'')
			.replace('\u2019', '\'')
			.replace('\u201c', '"')
			.replace('\u201d', '"')
			.replace('\u2013', '-')
			.replace('\u2014', '-')
			.replace("\u20ac", "EUR ")
			.replace('\u00a0', ' ')
			.replace("\u2026", "...");
		StringBuilder safe = new StringBuilder(plain.length());
		for (char ch : plain.toCharArray()) {
			safe.append((ch < 256 && !Character.isISOControl(ch)) ? ch : '?');
		}
		return safe.toString();
	}

}
