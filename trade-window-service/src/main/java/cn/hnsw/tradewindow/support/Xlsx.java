package cn.hnsw.tradewindow.support;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import cn.hnsw.common.web.HnswException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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

    /**
     * The rows of the first sheet below its header row, each as the text of its first {@code columns} cells (blank
     * for an empty cell); empty rows are skipped. An unreadable file is a 400 {@code SPREADSHEET_UNREADABLE}.
     */
    public static List<List<String>> read(byte[] xlsx, int columns) {
        DataFormatter text = new DataFormatter();
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            for (Row row : sheet) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                boolean any = false;
                for (int c = 0; c < columns; c++) {
                    Cell cell = row.getCell(c);
                    String v = cell == null ? "" : text.formatCellValue(cell).strip();
                    any |= !v.isEmpty();
                    cells.add(v);
                }
                if (any) {
                    rows.add(cells);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new HnswException(PrintErrorCode.SPREADSHEET_UNREADABLE, List.of(), e, e.getClass().getSimpleName());
        }
        return rows;
    }
}
