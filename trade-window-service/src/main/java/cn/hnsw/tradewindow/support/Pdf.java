package cn.hnsw.tradewindow.support;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * Printed PDFs of the trade window (OpenPDF, the CJK font embedded as a subset): a list as a landscape table
 * (log prints and PDF exports), and a form as a title, a two-column section of fields, and tables.
 */
public final class Pdf {

    public static final String CONTENT_TYPE = "application/pdf";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private Pdf() {
    }

    /** A list: the title, when it was printed, then one table row per item (A4 landscape). */
    public static <T> byte[] table(BaseFont font, String title, List<String> headers, List<T> rows,
                                   Function<T, Object[]> cells, Instant printedAt) {
        Form f = new Form(font, title, true);
        f.note("打印时间 Printed at " + time(printedAt) + "　共 " + rows.size() + " 条 / " + rows.size() + " rows");
        f.table(headers, rows, cells);
        return f.finish();
    }

    /** Times in Asia/Shanghai, blank for null. */
    public static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    /** A form built section by section; {@link #finish()} returns the bytes. */
    public static final class Form {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final Document pdf;
        private final Font body;
        private final Font head;

        public Form(BaseFont font, String title, boolean landscape) {
            this.body = new Font(font, 8);
            this.head = new Font(font, 8, Font.BOLD);
            this.pdf = new Document(landscape ? PageSize.A4.rotate() : PageSize.A4, 30, 30, 30, 30);
            try {
                PdfWriter.getInstance(pdf, out);
                pdf.addTitle(title);
                pdf.open();
                Paragraph t = new Paragraph(title, new Font(font, 14));
                t.setAlignment(Element.ALIGN_CENTER);
                t.setSpacingAfter(6);
                pdf.add(t);
            } catch (DocumentException e) {
                throw new IllegalStateException(e);
            }
        }

        public Form note(String text) {
            add(new Paragraph(text, body));
            return this;
        }

        public Form section(String text) {
            Paragraph p = new Paragraph(text, head);
            p.setSpacingBefore(8);
            p.setSpacingAfter(4);
            add(p);
            return this;
        }

        /** Label–value pairs, two pairs a row. */
        public Form fields(String... labelsAndValues) {
            PdfPTable t = new PdfPTable(new float[]{3, 7, 3, 7});
            t.setWidthPercentage(100);
            for (int i = 0; i < labelsAndValues.length; i += 2) {
                t.addCell(cell(labelsAndValues[i], head));
                t.addCell(cell(i + 1 < labelsAndValues.length ? labelsAndValues[i + 1] : "", body));
            }
            if (labelsAndValues.length % 4 != 0) {
                t.addCell(cell("", head));
                t.addCell(cell("", body));
            }
            add(t);
            return this;
        }

        /** A table whose columns are as wide as their longest text (up to 40 characters) suggests. */
        public <T> Form table(List<String> headers, List<T> rows, Function<T, Object[]> cells) {
            List<String[]> texts = new java.util.ArrayList<>();
            float[] widths = new float[headers.size()];
            for (int c = 0; c < headers.size(); c++) {
                widths[c] = Math.min(headers.get(c).length(), 12);
            }
            for (T row : rows) {
                Object[] values = cells.apply(row);
                String[] line = new String[headers.size()];
                for (int c = 0; c < line.length; c++) {
                    Object v = c < values.length ? values[c] : null;
                    line[c] = v instanceof Instant i ? time(i) : v == null ? "" : String.valueOf(v);
                    widths[c] = Math.max(widths[c], Math.min(line[c].length(), 40));
                }
                texts.add(line);
            }
            for (int c = 0; c < widths.length; c++) {
                widths[c] += 4;
            }
            PdfPTable t = new PdfPTable(widths);
            t.setWidthPercentage(100);
            t.setHeaderRows(1);
            for (String h : headers) {
                t.addCell(cell(h, head));
            }
            for (String[] line : texts) {
                for (String text : line) {
                    t.addCell(cell(text, body));
                }
            }
            add(t);
            return this;
        }

        public byte[] finish() {
            pdf.close();
            return out.toByteArray();
        }

        private void add(Element e) {
            try {
                pdf.add(e);
            } catch (DocumentException ex) {
                throw new IllegalStateException(ex);
            }
        }

        private static PdfPCell cell(String text, Font font) {
            PdfPCell c = new PdfPCell(new Phrase(text, font));
            c.setPadding(3);
            return c;
        }
    }
}
