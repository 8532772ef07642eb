package cn.hnsw.tradewindow.support;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

/** Excel exports of the trade window's lists (fastexcel): a bold bilingual header row, then one row per item. */
public final class Xlsx {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Xlsx() {
    }

    /** The workbook's bytes: one sheet, the header row, then {@code cells} of each row (null cells left empty). */
    public static <T> byte[] write(String sheet, List<String> headers, List<T> rows, Function<T, Object[]> cells) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "hnsw-trade-window", "1.0");
            Worksheet ws = wb.newWorksheet(sheet);
            for (int c = 0; c < headers.size(); c++) {
                ws.value(0, c, headers.get(c));
                ws.style(0, c).bold().set();
            }
            int r = 1;
            for (T row : rows) {
                Object[] values = cells.apply(row);
                for (int c = 0; c < values.length; c++) {
                    if (values[c] != null) {
                        ws.value(r, c, String.valueOf(values[c]));
                    }
                }
                r++;
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
