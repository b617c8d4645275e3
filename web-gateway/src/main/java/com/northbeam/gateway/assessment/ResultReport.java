package com.northbeam.gateway.assessment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

import com.northbeam.gateway.system.PdfText;
import com.northbeam.gateway.client.Brief;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The downloadable PDF report of a result: recommendation and why, the three fit scores
 * as bars, the factors with their guide links, the itemised cost comparison and who would
 * own each IT function. Drawn with PDFBox so it needs no browser or HTML renderer on the
 * server.
 */
final class ResultReport implements AutoCloseable {

	private static final float MARGIN = 50;

	private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

	private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

	private final PDDocument document = new PDDocument();

	private PDPageContentStream out;

	private float y;

	private ResultReport() {
	}

	/**
	 * {@code text} resolves message codes; {@code siteUrl} makes guide links absolute.
	 */
	static byte[] render(ResultView view, Function<String, String> text, Function<String, String> siteUrl) {
		try (ResultReport report = new ResultReport()) {
			return report.write(view, text, siteUrl);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private byte[] write(ResultView view, Function<String, String> text, Function<String, String> siteUrl)
			throws IOException {
		var result = view.result();
		PDDocumentInformation info = document.getDocumentInformation();
		info.setTitle(text.apply("pdf.title"));
		info.setAuthor(text.apply("site.name"));
		newPage();
		line(BOLD, 10, text.apply("site.name"));
		y -= 6;
		paragraph(BOLD, 20, text.apply("pdf.heading").formatted(text.apply("model." + result.recommendation())));
		if (result.summary() != null) {
			paragraph(REGULAR, 12, result.summary());
		}
		if (result.confidenceLabel() != null) {
			paragraph(REGULAR, 11,
					text.apply("pdf.confidence").formatted(text.apply("confidence." + result.confidenceLabel())));
		}
		y -= 10;
		paragraph(BOLD, 14, text.apply("result.fit.heading"));
		for (ResultView.Bar bar : view.fits()) {
			bar(text.apply("model." + bar.key()), bar.value() / 100.0, Math.round(bar.value()) + " / 100",
					bar.highlighted());
		}
		y -= 10;
		paragraph(BOLD, 14, text.apply("result.factors.heading"));
		if (result.closeCall() && view.runnerUp() != null) {
			paragraph(REGULAR, 11, text.apply("pdf.close")
				.formatted(text.apply("model." + result.recommendation()), text.apply("model." + view.runnerUp())));
			for (var tip : result.tipping()) {
				paragraph(REGULAR, 11, "- " + tip.explanation());
			}
			y -= 6;
		}
		if (!view.factorsFor().isEmpty()) {
			paragraph(BOLD, 12,
					text.apply("pdf.factors.for").formatted(text.apply("model." + result.recommendation())));
			factors(view.factorsFor(), null, text, siteUrl);
		}
		if (!view.factorsAgainst().isEmpty()) {
			paragraph(BOLD, 12, text.apply("result.factors.against"));
			factors(view.factorsAgainst(), result.recommendation(), text, siteUrl);
		}
		if (!view.costRows().isEmpty()) {
			y -= 10;
			paragraph(BOLD, 14, text.apply("result.cost.heading"));
			long max = view.costTotals().stream().mapToLong(Long::longValue).max().orElse(1);
			String[] setups = { "current", "co_managed", "fully_managed" };
			for (int i = 0; i < setups.length; i++) {
				bar(text.apply("setup." + setups[i]), (double) view.costTotals().get(i) / Math.max(max, 1),
						view.money(view.costTotals().get(i)), false);
			}
			y -= 6;
			row(BOLD, text.apply("result.cost.item"), text.apply("setup.current"), text.apply("setup.co_managed"),
					text.apply("setup.fully_managed"));
			for (ResultView.CostRow costRow : view.costRows()) {
				String[] cells = new String[3];
				for (int i = 0; i < 3; i++) {
					cells[i] = (costRow.amounts()[i] != null)
							? view.money(costRow.amounts()[i]) + (costRow.estimated()[i] ? " *" : "") : "-";
				}
				row(REGULAR, costRow.label(), cells[0], cells[1], cells[2]);
			}
			row(BOLD, text.apply("result.cost.total"), view.money(view.costTotals().get(0)),
					view.money(view.costTotals().get(1)), view.money(view.costTotals().get(2)));
			if (view.estimated()) {
				paragraph(REGULAR, 9, text.apply("result.cost.estimated"));
			}
		}
		if (result.responsibility() != null) {
			matrix(result.responsibility(), text);
		}
		y -= 10;
		paragraph(REGULAR, 10, text.apply("pdf.footer").formatted(siteUrl.apply("/assessment/result/" + result.id())));
		out.close();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		document.save(bytes);
		return bytes.toByteArray();
	}

	/** Who would own each function, and why; then what stays with leadership. */
	private void matrix(Brief.Responsibility matrix, Function<String, String> text) throws IOException {
		y -= 10;
		paragraph(BOLD, 14, text.apply("pdf.matrix.heading"));
		for (Brief.Cell cell : matrix.cells()) {
			paragraph(BOLD, 10, cell.label() + ": " + text.apply("responsibility.owner." + cell.owner()));
			paragraph(REGULAR, 9, cell.reason());
		}
		if (!matrix.leadershipKeeps().isEmpty()) {
			paragraph(BOLD, 11, text.apply("result.matrix.leadership"));
			for (String kept : matrix.leadershipKeeps()) {
				paragraph(REGULAR, 10, "- " + kept);
			}
		}
	}

	/**
	 * Lists factors with their guide links; with {@code recommendation}, names the model
	 * each one points to instead.
	 */
	private void factors(List<ResultView.FactorView> factors, String recommendation, Function<String, String> text,
			Function<String, String> siteUrl) throws IOException {
		for (ResultView.FactorView factor : factors) {
			String model = factor.factor().model();
			String towards = (recommendation != null && model != null && !model.equals(recommendation))
					? " " + text.apply("pdf.factors.towards").formatted(text.apply("model." + model)) : "";
			paragraph(REGULAR, 11, "- " + factor.factor().reason() + towards);
			paragraph(REGULAR, 9, "  " + siteUrl.apply(factor.guideLink()));
		}
	}

	private void newPage() throws IOException {
		if (out != null) {
			out.close();
		}
		PDPage page = new PDPage(PDRectangle.A4);
		document.addPage(page);
		out = new PDPageContentStream(document, page);
		y = page.getMediaBox().getHeight() - MARGIN;
	}

	private void ensure(float height) throws IOException {
		if (y - height < MARGIN) {
			newPage();
		}
	}

	private void line(PDType1Font font, float size, String text) throws IOException {
		ensure(size * 1.4f);
		out.beginText();
		out.setFont(font, size);
		out.newLineAtOffset(MARGIN, y - size);
		out.showText(PdfText.safe(text));
		out.endText();
		y -= size * 1.4f;
	}

	private void paragraph(PDType1Font font, float size, String text) throws IOException {
		float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
		for (String wrapped : PdfText.wrap(font, size, PdfText.safe(text), width)) {
			line(font, size, wrapped);
		}
		y -= size * 0.3f;
	}

	private void bar(String label, double fraction, String value, boolean highlighted) throws IOException {
		ensure(22);
		out.beginText();
		out.setFont(REGULAR, 10);
		out.newLineAtOffset(MARGIN, y - 13);
		out.showText(PdfText.safe(label));
		out.endText();
		float width = (float) Math.max(2, 250 * Math.min(1, Math.max(0, fraction)));
		if (highlighted) {
			out.setNonStrokingColor(0.06f, 0.48f, 0.37f);
		}
		else {
			out.setNonStrokingColor(0.04f, 0.36f, 0.68f);
		}
		out.addRect(MARGIN + 130, y - 16, width, 14);
		out.fill();
		out.setNonStrokingColor(0f, 0f, 0f);
		out.beginText();
		out.setFont(REGULAR, 10);
		out.newLineAtOffset(MARGIN + 136 + width, y - 13);
		out.showText(PdfText.safe(value));
		out.endText();
		y -= 22;
	}

	private void row(PDType1Font font, String... cells) throws IOException {
		ensure(16);
		float[] x = { MARGIN, MARGIN + 200, MARGIN + 300, MARGIN + 400 };
		for (int i = 0; i < cells.length; i++) {
			out.beginText();
			out.setFont(font, 10);
			out.newLineAtOffset(x[i], y - 12);
			String cell = PdfText.safe(cells[i]);
			out.showText((i == 0 && cell.length() > 38) ? cell.substring(0, 37) + "..." : cell);
			out.endText();
		}
		y -= 16;
	}

	@Override
	public void close() throws IOException {
		document.close();
	}

}
