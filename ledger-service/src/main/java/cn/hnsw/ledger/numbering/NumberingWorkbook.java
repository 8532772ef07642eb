package cn.hnsw.ledger.numbering;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.document.DocumentService;
import cn.hnsw.ledger.errors.LedgerErrorCode;
import cn.hnsw.ledger.excel.TableWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 零关税编码规则模版 (FP 1568–1570): the numbering rules as an Excel sheet — the template (headers only), the export
 * (the enterprise's rules in the same columns, so an export imports again) and the reading of an import, every row
 * checked as the screen checks one rule; a wrong row is reported with its row number and nothing is imported.
 */
final class NumberingWorkbook {

    static final List<TableWorkbook.Column> COLUMNS = List.of(
            new TableWorkbook.Column("itemKind", "物料类型 Item kind (MATERIAL/FINISHED_PRODUCT/SCRAP/GOODS)"),
            new TableWorkbook.Column("prefix", "前缀 Prefix"),
            new TableWorkbook.Column("datePattern", "日期格式 Date pattern (空/yyyy/yyyyMM/yyyyMMdd)"),
            new TableWorkbook.Column("seqWidth", "序号位数 Sequence width (3-8)"),
            new TableWorkbook.Column("enabled", "启用 Enabled"),
            new TableWorkbook.Column("example", "示例 Example"));
    static final int MAX_ROWS = 100;

    /** One rule read from a row. */
    record RuleRow(int row, String itemKind, String prefix, String datePattern, int seqWidth, boolean enabled) {
    }

    private NumberingWorkbook() {
    }

    static byte[] template() {
        return TableWorkbook.write("编号规则 Numbering rules", COLUMNS, List.of());
    }

    static byte[] export(List<Map<String, Object>> rules) {
        return TableWorkbook.write("编号规则 Numbering rules", COLUMNS, rules);
    }

    static List<RuleRow> read(byte[] file, Set<String> kinds) {
        List<RuleRow> rows = new ArrayList<>();
        List<DocumentService.RowError> errors = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = wb.getSheetAt(0);
            if (sheet.getLastRowNum() > MAX_ROWS) {
                throw new HnswException(LedgerErrorCode.EXCEL_UNREADABLE, "more than " + MAX_ROWS + " rows");
            }
            DataFormatter f = new DataFormatter();
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                if (row == null) {
                    continue;
                }
                String kind = text(row, 0, f);
                String prefix = text(row, 1, f);
                String pattern = text(row, 2, f);
                String width = text(row, 3, f);
                String enabled = text(row, 4, f);
                if (kind == null && prefix == null && pattern == null && width == null) {
                    continue;
                }
                int excelRow = i + 1;
                List<String> problems = new ArrayList<>();
                if (kind == null || !kinds.contains(kind)) {
                    problems.add("物料类型 item kind “" + kind + "”");
                } else if (!seen.add(kind)) {
                    problems.add("物料类型重复 item kind repeated “" + kind + "”");
                }
                if (prefix == null || !prefix.matches("^[A-Z0-9-]{1,20}$")) {
                    problems.add("前缀 prefix “" + prefix + "”");
                }
                String datePattern = pattern == null ? "" : pattern;
                if (!datePattern.matches("^(|yyyy|yyyyMM|yyyyMMdd)$")) {
                    problems.add("日期格式 date pattern “" + pattern + "”");
                }
                int seqWidth = 0;
                try {
                    seqWidth = width == null ? 0 : Integer.parseInt(width.replaceAll("\\.0+$", ""));
                } catch (NumberFormatException e) {
                    seqWidth = 0;
                }
                if (seqWidth < 3 || seqWidth > 8) {
                    problems.add("序号位数 sequence width “" + width + "”");
                }
                boolean on = enabled == null || enabled.startsWith("是") || enabled.equalsIgnoreCase("true")
                        || enabled.equalsIgnoreCase("yes") || enabled.equals("1");
                if (problems.isEmpty()) {
                    rows.add(new RuleRow(excelRow, kind, prefix, datePattern, seqWidth, on));
                } else {
                    String listed = String.join("；", problems);
                    errors.add(new DocumentService.RowError(excelRow, "NUMBERING_RULE_INVALID", "第 " + excelRow + " 行无效：" + listed,
                            "Row " + excelRow + " is invalid: " + listed));
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof HnswException h) {
                throw h;
            }
            throw new HnswException(LedgerErrorCode.EXCEL_UNREADABLE, e.getClass().getSimpleName());
        }
        if (!errors.isEmpty()) {
            throw new DocumentService.LineImportException(errors);
        }
        return rows;
    }

    private static String text(Row row, int col, DataFormatter f) {
        Cell cell = row.getCell(col);
        if (cell == null) {
            return null;
        }
        String v = f.formatCellValue(cell);
        return v == null || v.isBlank() ? null : v.trim();
    }
}
