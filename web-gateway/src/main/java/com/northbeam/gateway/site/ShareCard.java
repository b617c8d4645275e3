package com.northbeam.gateway.site;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.TextAttribute;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

/**
 * The picture a link preview shows for an article (Open Graph and Twitter cards): the
 * brand, the article's kind and reading time, and its title, in the site's colours. Every
 * field is drawn as plain text, never interpreted. The title takes the largest size at
 * which it fits in {@link #TITLE_MAX_LINES} lines; at the smallest size a longer title
 * ends with an ellipsis. Equal cards draw equal pictures, so a card is also the key of
 * the picture's cache.
 *
 * @param brand the organisation's name
 * @param label the kind and reading time ("Guide · 9 min read"), or empty
 * @param title the article's title
 * @param tagline the line at the bottom
 */
record ShareCard(String brand, String label, String title, String tagline) {

	static final int WIDTH = 1200;

	static final int HEIGHT = 630;

	/** Nothing is drawn closer than this to the left and right edges. */
	static final int MARGIN = 80;

	/** The label and the title are centred between these two heights. */
	private static final int BODY_TOP = 150;

	private static final int BODY_BOTTOM = 530;

	private static final int LABEL_SIZE = 24;

	private static final int LABEL_GAP = 30;

	static final int TITLE_MAX_LINES = 4;

	// The site's colours (static/css/site.css).
	static final Color BACKGROUND = new Color(0x08457f);

	private static final Color BRAND = new Color(0x0b5cad);

	private static final Color ACCENT = new Color(0x0f7b5f);

	private static final Color HIGHLIGHT = new Color(0xf5a623);

	private static final Color TEXT = Color.WHITE;

	private static final Color SOFT_TEXT = new Color(0xc6d8ee);

	private static final int[] TITLE_SIZES = { 72, 64, 56, 50 };

	private static final double LINE_HEIGHT = 1.16;

	private static final String ELLIPSIS = "\u2026";

	ShareCard {
		brand = clean(brand);
		label = clean(label);
		title = clean(title);
		tagline = clean(tagline);
	}

	/** The card as a PNG of {@link #WIDTH} by {@link #HEIGHT} pixels. */
	byte[] png() {
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
			drawBackground(g);
			drawBrand(g);
			drawBody(g);
			drawFooter(g);
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream png = new ByteArrayOutputStream(64 * 1024);
		try {
			ImageIO.write(image, "png", png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return png.toByteArray();
	}

	private static void drawBackground(Graphics2D g) {
		g.setColor(BACKGROUND);
		g.fillRect(0, 0, WIDTH, HEIGHT);
		// Rings around the top right corner: a beam.
		g.setStroke(new BasicStroke(2f));
		g.setColor(BRAND);
		for (int radius = 70; radius <= 250; radius += 60) {
			g.draw(new Ellipse2D.Double(WIDTH - radius, -radius, radius * 2.0, radius * 2.0));
		}
		g.setColor(ACCENT);
		g.fillRect(0, HEIGHT - 12, WIDTH, 12);
	}

	private void drawBrand(Graphics2D g) {
		int size = 60;
		int x = MARGIN;
		int y = 64;
		g.setColor(TEXT);
		g.fill(new RoundRectangle2D.Double(x, y, size, size, size * 7 / 16.0, size * 7 / 16.0));
		g.setColor(BACKGROUND);
		g.fill(logoLetter(x, y, size / 32.0));
		Font font = font(34, Font.BOLD);
		g.setFont(font);
		g.setColor(TEXT);
		float baseline = y + size / 2f + (float) centreOffset(g, font);
		g.drawString(fit(brand, font, g.getFontRenderContext(), WIDTH - 2 * MARGIN - size - 20), x + size + 20,
				baseline);
	}

	/** The label above the title, the two centred between the brand and the footer. */
	private void drawBody(Graphics2D g) {
		FontRenderContext frc = g.getFontRenderContext();
		double width = WIDTH - 2 * MARGIN;
		double labelHeight = label.isEmpty() ? 0 : LABEL_SIZE + LABEL_GAP;
		Font font = null;
		List<String> lines = List.of();
		int maxLines = 0;
		for (int size : TITLE_SIZES) {
			font = font(size, Font.BOLD);
			maxLines = Math.min(TITLE_MAX_LINES, (int) ((BODY_BOTTOM - BODY_TOP - labelHeight) / (size * LINE_HEIGHT)));
			lines = wrap(title, font, frc, width);
			if (lines.size() <= maxLines) {
				break;
			}
		}
		if (lines.size() > maxLines) {
			List<String> shown = new ArrayList<>(lines.subList(0, maxLines));
			shown.set(maxLines - 1, withEllipsis(shown.get(maxLines - 1), font, frc, width));
			lines = shown;
		}
		double lineHeight = font.getSize2D() * LINE_HEIGHT;
		double top = BODY_TOP + (BODY_BOTTOM - BODY_TOP - labelHeight - lines.size() * lineHeight) / 2;
		if (!label.isEmpty()) {
			Font labelFont = font(LABEL_SIZE, Font.BOLD).deriveFont(Map.of(TextAttribute.TRACKING, 0.08f));
			g.setFont(labelFont);
			g.setColor(HIGHLIGHT);
			g.drawString(fit(label.toUpperCase(Locale.ROOT), labelFont, frc, width), MARGIN,
					(float) (top + labelFont.getLineMetrics("H", frc).getAscent()));
			top += labelHeight;
		}
		g.setFont(font);
		g.setColor(TEXT);
		// The first line's capitals start at the top; the leading goes between lines.
		double baseline = top + font.getLineMetrics("Hg", frc).getAscent() * 0.86;
		for (String line : lines) {
			g.drawString(line, MARGIN, (float) baseline);
			baseline += lineHeight;
		}
	}

	private void drawFooter(Graphics2D g) {
		if (tagline.isEmpty()) {
			return;
		}
		Font font = font(26, Font.PLAIN);
		g.setFont(font);
		g.setColor(SOFT_TEXT);
		g.drawString(fit(tagline, font, g.getFontRenderContext(), WIDTH - 2 * MARGIN), MARGIN, 576);
	}

	/**
	 * The lines of the text, broken where line breaks are allowed (between words, after
	 * hyphens), or inside a word too long for a line.
	 */
	static List<String> wrap(String text, Font font, FontRenderContext frc, double width) {
		List<String> lines = new ArrayList<>();
		BreakIterator breaks = BreakIterator.getLineInstance(Locale.ROOT);
		breaks.setText(text);
		String current = "";
		for (int start = breaks.first(),
				end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
			String piece = text.substring(start, end);
			if (fits((current + piece).stripTrailing(), font, frc, width)) {
				current += piece;
				continue;
			}
			if (!current.isBlank()) {
				lines.add(current.stripTrailing());
			}
			while (!fits(piece.stripTrailing(), font, frc, width)) {
				int cut = longestFittingPrefix(piece, font, frc, width);
				lines.add(piece.substring(0, cut));
				piece = piece.substring(cut);
			}
			current = piece;
		}
		if (!current.isBlank()) {
			lines.add(current.stripTrailing());
		}
		return lines;
	}

	private static String withEllipsis(String line, Font font, FontRenderContext frc, double width) {
		String text = line;
		while (!text.isEmpty() && !fits(text + ELLIPSIS, font, frc, width)) {
			int space = text.lastIndexOf(' ');
			text = (space > 0) ? text.substring(0, space) : text.substring(0, previousCharacter(text, text.length()));
		}
		return text.stripTrailing() + ELLIPSIS;
	}

	/** The text itself if it fits on one line, else its longest fitting start and "…". */
	private static String fit(String text, Font font, FontRenderContext frc, double width) {
		return fits(text, font, frc, width) ? text : withEllipsis(text, font, frc, width);
	}

	private static int longestFittingPrefix(String word, Font font, FontRenderContext frc, double width) {
		BreakIterator characters = BreakIterator.getCharacterInstance(Locale.ROOT);
		characters.setText(word);
		int end = characters.next();
		for (int next = characters.next(); next != BreakIterator.DONE
				&& fits(word.substring(0, next), font, frc, width); next = characters.next()) {
			end = next;
		}
		return end;
	}

	private static int previousCharacter(String text, int offset) {
		BreakIterator characters = BreakIterator.getCharacterInstance(Locale.ROOT);
		characters.setText(text);
		return Math.max(characters.preceding(offset), 0);
	}

	private static boolean fits(String text, Font font, FontRenderContext frc, double width) {
		return font.getStringBounds(text, frc).getWidth() <= width;
	}

	private static double centreOffset(Graphics2D g, Font font) {
		var metrics = font.getLineMetrics("N", g.getFontRenderContext());
		return (metrics.getAscent() - metrics.getDescent()) / 2;
	}

	/** The N of the logo (static/icons/logo.svg), drawn on a 32-unit grid. */
	private static Path2D logoLetter(double x, double y, double scale) {
		double[][] points = { { 8, 23 }, { 8, 9 }, { 11, 9 }, { 18, 18.5 }, { 18, 9 }, { 21, 9 }, { 21, 23 },
				{ 18, 23 }, { 11, 13.5 }, { 11, 23 } };
		Path2D.Double letter = new Path2D.Double();
		letter.moveTo(x + points[0][0] * scale, y + points[0][1] * scale);
		for (int i = 1; i < points.length; i++) {
			letter.lineTo(x + points[i][0] * scale, y + points[i][1] * scale);
		}
		letter.closePath();
		return letter;
	}

	/** Java's logical sans-serif font: whatever sans-serif font fontconfig offers. */
	private static Font font(int size, int style) {
		return new Font(Font.SANS_SERIF, style, size);
	}

	/** Line breaks, tabs and control characters become spaces; runs of spaces one. */
	private static String clean(String text) {
		return (text != null) ? text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip() : "";
	}

}
