package com.northbeam.gateway.dashboard.leads;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;

import com.northbeam.gateway.system.PdfText;
import com.northbeam.gateway.client.Brief;
import com.northbeam.gateway.client.LeadsClient.LeadDetail;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A lead's call-prep brief as a PDF: the brief on the first A4 page, the responsibility
 * matrix after it. Drawn with PDFBox like the result report.
 */
final class CallPrepReport implements AutoCloseable {

	private static final float MARGIN = 42;

	private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

	private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

	private final PDDocument document = new PDDocument();

	private PDPageContentStream out;

	private float y;

	private CallPrepReport() {
	}

	static byte[] render(LeadDetail lead, Function<String, String> text) {
		try (CallPrepReport report = new CallPrepReport()) {
			return report.write(lead, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private byte[] write(LeadDetail lead, Function<String, String> text) throws IOException {
		Brief.CallPrep brief = lead.callPrep();
		this.document.getDocumentInformation().setTitle(text.apply("pdf.brief.title"));
		newPage();
		paragraph(BOLD, 16, text.apply("leads.brief.heading").replace("{0}", lead.contact().company()));
		paragraph(REGULAR, 10,
				lead.contact().name() + " - " + text.apply("leads.recommendation." + brief.recommendation()));
		section(text.apply("leads.brief.signals"));
		brief.signals().forEach((item) -> bullet(item.text()));
		section(text.apply("leads.brief.pains"));
		brief.painPoints().forEach((item) -> bullet("\"" + item.text() + "\""));
		section(text.apply("leads.brief.objections"));
		for (Brief.Objection objection : brief.objections()) {
			bullet(objection.misconception() + " " + objection.response());
		}
		section(text.apply("leads.brief.questions"));
		brief.questions()
			.forEach((question) -> bullet(
					"[" + text.apply("leads.brief.why." + question.why()) + "] " + question.text()));
		section(text.apply("leads.brief.cost"));
		paragraph(REGULAR, 9.5f, brief.cost());
		if (brief.nextStep() != null) {
			section(text.apply("leads.brief.next"));
			paragraph(REGULAR, 9.5f, brief.nextStep().text());
		}
		if (lead.responsibility() != null) {
			newPage();
			paragraph(BOLD, 14, text.apply("pdf.brief.matrix"));
			for (Brief.Cell cell : lead.responsibility().cells()) {
				String owner = text.apply("responsibility.owner." + cell.current());
				String proposed = cell.edited() ? " (" + text.apply("leads.matrix.proposed") + ": "
						+ text.apply("responsibility.owner." + cell.owner()) + ")" : "";
				paragraph(BOLD, 10, cell.label() + ": " + owner + proposed);
				paragraph(REGULAR, 9,
						(cell.edited() && cell.edit().note() != null) ? cell.edit().note() : cell.reason());
			}
			if (!lead.responsibility().leadershipKeeps().isEmpty()) {
				section(text.apply("leads.matrix.leadership"));
				lead.responsibility().leadershipKeeps().forEach(this::bullet);
			}
		}
		this.out.close();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		this.document.save(bytes);
		return bytes.toByteArray();
	}

	private void section(String heading) {
		this.y -= 4;
		paragraph(BOLD, 11, heading);
	}

	private void bullet(String text) {
		paragraph(REGULAR, 9.5f, "- " + text);
	}

	private void newPage() throws IOException {
		if (this.out != null) {
			this.out.close();
		}
		PDPage page = new PDPage(PDRectangle.A4);
		this.document.addPage(page);
		this.out = new PDPageContentStream(this.document, page);
		this.y = page.getMediaBox().getHeight() - MARGIN;
	}

	private void paragraph(PDType1Font font, float size, String text) {
		try {
			float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
			for (String line : PdfText.wrap(font, size, PdfText.safe(text), width)) {
				if (this.y - size * 1.35f < MARGIN) {
					newPage();
				}
				this.out.beginText();
				this.out.setFont(font, size);
				this.out.newLineAtOffset(MARGIN, this.y - size);
				this.out.showText(line);
				this.out.endText();
				this.y -= size * 1.35f;
			}
			this.y -= size * 0.25f;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() throws IOException {
		this.document.close();
	}

}
