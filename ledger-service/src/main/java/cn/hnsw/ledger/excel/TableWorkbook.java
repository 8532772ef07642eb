package cn.hnsw.ledger.excel;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * A result table as an Excel sheet (统计结果导出, 规则导出), with Apache POI: one bilingual header row, then one row per
 * result row in the columns' order; numbers stay numbers.
 */
public final class TableWorkbook {

    /** A column: the key of the row map and its header, Chinese first, English second. */
    public record Column(String key, String header) {
    }

    private TableWorkbook() {
    }

    public static byte[] write(String sheetName, List<Column> columns, List<Map<String, Object>> rows) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(sheetName);
            Row header = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                header.createCell(i).setCellValue(columns.get(i).header());
                sheet.setColumnWidth(i, 20 * 256);
            }
            int r = 1;
            for (Map<String, Object> values : rows) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < columns.size(); i++) {
                    Object v = values.get(columns.get(i).key());
                    if (v instanceof Number n) {
                        row.createCell(i).setCellValue(n.doubleValue());
                    } else if (v instanceof Boolean b) {
                        row.createCell(i).setCellValue(b ? "是 Yes" : "否 No");
                    } else if (v != null) {
                        row.createCell(i).setCellValue(v.toString());
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
