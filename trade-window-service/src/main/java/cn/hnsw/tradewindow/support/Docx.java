package cn.hnsw.tradewindow.support;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

/** Word exports of the trade window's lists (Apache POI): a bilingual title, then a table with a bold header row. */
public final class Docx {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private Docx() {
    }

    /** The document's bytes: {@code title}, then one table row per item ({@code cells}; null cells left empty). */
    public static <T> byte[] write(String title, List<String> headers, List<T> rows, Function<T, Object[]> cells) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph heading = doc.createParagraph();
            XWPFRun run = heading.createRun();
            run.setBold(true);
            run.setFontSize(14);
            run.setText(title);
            XWPFTable table = doc.createTable(rows.size() + 1, headers.size());
            XWPFTableRow head = table.getRow(0);
            for (int c = 0; c < headers.size(); c++) {
                XWPFRun h = head.getCell(c).getParagraphs().get(0).createRun();
                h.setBold(true);
                h.setText(headers.get(c));
            }
            int r = 1;
            for (T row : rows) {
                Object[] values = cells.apply(row);
                XWPFTableRow tr = table.getRow(r++);
                for (int c = 0; c < values.length && c < headers.size(); c++) {
                    if (values[c] != null) {
                        tr.getCell(c).setText(String.valueOf(values[c]));
                    }
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
