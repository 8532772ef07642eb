package cn.hnsw.portsituation.basedata;

import cn.hnsw.common.web.ErrorCode;
import cn.hnsw.common.web.HnswException;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Excel import and export of base data: the first sheet, a header row, then one row per record. */
final class Sheets {

    static final int MAX_ROWS = 5_000;

    private Sheets() {
    }

    /** One data row: its number in the sheet and its cells as text. */
    record Line(int rowNum, List<String> cells) {
        String text(int c) {
            return c < cells.size() ? cells.get(c) : "";
        }

        Double number(int c) {
            String t = text(c);
            return t.isEmpty() ? null : Double.valueOf(t);
        }
    }

    static List<Line> read(InputStream in, ErrorCode invalid) {
        List<Line> lines = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(in); Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            rows.skip(1).forEach(r -> {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < r.getCellCount(); c++) {
                    cells.add(r.getCell(c) == null ? "" : r.getCellText(c).strip());
                }
                if (!cells.isEmpty() && !cells.getFirst().isEmpty()) {
                    lines.add(new Line(r.getRowNum(), cells));
                }
            });
        } catch (IOException | RuntimeException e) {
            throw new HnswException(invalid, "not an Excel workbook / 不是 Excel 文件");
        }
        if (lines.isEmpty() || lines.size() > MAX_ROWS) {
            throw new HnswException(invalid, "1–" + MAX_ROWS + " rows / 须有 1–" + MAX_ROWS + " 行数据");
        }
        return lines;
    }

    static void write(OutputStream out, String sheetName, String[] headers, List<Object[]> rows) throws IOException {
        Workbook workbook = new Workbook(out, "hnsw-port-situation", "1.0");
        Worksheet sheet = workbook.newWorksheet(sheetName);
        for (int c = 0; c < headers.length; c++) {
            sheet.value(0, c, headers[c]);
            sheet.style(0, c).bold().set();
        }
        int r = 1;
        for (Object[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                Object v = row[c];
                if (v instanceof Number n) {
                    sheet.value(r, c, n);
                } else if (v != null) {
                    sheet.value(r, c, v.toString());
                }
            }
            r++;
        }
        workbook.finish();
    }
}
