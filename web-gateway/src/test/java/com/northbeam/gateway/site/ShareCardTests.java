package com.northbeam.gateway.site;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ShareCardTests {

	private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

	@ParameterizedTest
	@ValueSource(strings = { "Co-Managed IT vs Fully Managed IT", "", "A",
			"What managed IT services include, what they cost, and how to compare providers when your business has "
					+ "outgrown its internal IT team and needs a plan for the next five years",
			"WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW"
					+ "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW",
			"Line\nbreaks,\ttabs and ${expressions} #{stay} <b>plain</b> text" })
	void everyTitleIsDrawnOnA1200By630PictureAndStaysClearOfTheRightEdge(String title) throws IOException {
		BufferedImage image = read(new ShareCard("Northbeam IT", "Guide \u00b7 9 min read", title,
				"Managed IT services for growing businesses")
			.png());

		assertThat(image.getWidth()).isEqualTo(ShareCard.WIDTH).isEqualTo(1200);
		assertThat(image.getHeight()).isEqualTo(ShareCard.HEIGHT).isEqualTo(630);
		assertThat(textNearTheRightEdge(image)).isZero();
	}

	@Test
	void aTitleBreaksBetweenWordsAndAfterHyphens() {
		Font font = new Font(Font.SANS_SERIF, Font.BOLD, 50);
		double width = font.getStringBounds("Co-Managed IT vs", FRC).getWidth() + 1;

		assertThat(ShareCard.wrap("Co-Managed IT vs Fully Managed IT", font, FRC, width))
			.containsExactly("Co-Managed IT vs", "Fully Managed IT");
		assertThat(ShareCard.wrap("Co-Managed-IT-vs-Fully-Managed-IT", font, FRC, width)).first()
			.asString()
			.endsWith("-");
	}

	@Test
	void aWordLongerThanALineIsBrokenInsideIt() {
		Font font = new Font(Font.SANS_SERIF, Font.BOLD, 50);
		double width = font.getStringBounds("WWWWW", FRC).getWidth() + 1;

		List<String> lines = ShareCard.wrap("WWWWWWWWWWWWW", font, FRC, width);

		assertThat(lines).containsExactly("WWWWW", "WWWWW", "WWW");
	}

	@Test
	void equalCardsAreEqualKeys() {
		assertThat(new ShareCard("Northbeam IT", "Guide", "A\n title ", null))
			.isEqualTo(new ShareCard("Northbeam IT", "Guide", "A title", ""));
	}

	/**
	 * The pixels in the right margin that are not the background's blues: text there
	 * would be white or its antialiased edge.
	 */
	static long textNearTheRightEdge(BufferedImage image) {
		long found = 0;
		for (int x = ShareCard.WIDTH - ShareCard.MARGIN + 8; x < image.getWidth(); x++) {
			for (int y = 0; y < image.getHeight(); y++) {
				int red = (image.getRGB(x, y) >> 16) & 0xff;
				if (red > 0x20) {
					found++;
				}
			}
		}
		return found;
	}

	private static BufferedImage read(byte[] png) throws IOException {
		return ImageIO.read(new ByteArrayInputStream(png));
	}

}
