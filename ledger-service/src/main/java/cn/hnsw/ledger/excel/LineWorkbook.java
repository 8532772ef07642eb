package cn.hnsw.ledger.excel;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.document.DocumentLine;
import cn.hnsw.ledger.document.DocumentService;
import cn.hnsw.ledger.document.DocumentType;
import cn.hnsw.ledger.document.LineKind;
import cn.hnsw.ledger.document.LineSpec;
import cn.hnsw.ledger.document.LinkTarget;
import cn.hnsw.ledger.errors.LedgerErrorCode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Excel template of a document type's lines (表体模板下载) and its reading (Excel 导入), with Apache POI.
 * Columns are the same for every type; "关联料号" links a row by item number to the commodity library or ledger stock.
 */
public final class LineWorkbook {

    static final String[] HEADERS = {"表体类型 Line kind", "料号 Item no.", "商品编码 HS code", "商品名称 Name",
            "规格型号 Specification", "计量单位 Unit", "数量 Quantity", "单价 Unit price", "金额 Amount", "币制 Currency",
            "调整方向 Direction", "关联料号 Linked item no.", "关联表体ID Linked line id",
            "上游累计码 Upstream cumulative code", "损耗率% Loss rate %", "成品料号 Finished-product item no."};
    public static final int MAX_ROWS = 20_000;

    private LineWorkbook() {
    }

    /**
     * 表体导出: the lines in the template's columns (so an export imports again, linked by item number), with the
     * derived unit consumption (单耗) after them.
     */
    public static byte[] export(List<DocumentLine> lines) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("表体 Lines");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.length; i++) {
                header.createCell(i).setCellValue(HEADERS[i]);
                sheet.setColumnWidth(i, 18 * 256);
            }
            header.createCell(HEADERS.length).setCellValue("单耗 Unit consumption");
            int r = 1;
            for (DocumentLine l : lines) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(l.kind().name());
                set(row, 1, l.itemNo());
                set(row, 2, l.hsCode());
                set(row, 3, l.nameZh());
                set(row, 4, l.spec());
                set(row, 5, l.unit());
                if (l.quantity() != null) {
                    row.createCell(6).setCellValue(l.quantity().doubleValue());
                }
                if (l.unitPrice() != null) {
                    row.createCell(7).setCellValue(l.unitPrice().doubleValue());
                }
                if (l.amount() != null) {
                    row.createCell(8).setCellValue(l.amount().doubleValue());
                }
                set(row, 9, l.currency());
                set(row, 10, l.direction());
                if (l.linkTarget() == LinkTarget.COMMODITY_LIBRARY || l.linkTarget() == LinkTarget.LEDGER_STOCK) {
                    set(row, 11, l.itemNo());
                } else if (l.linkRef() != null) {
                    row.createCell(12).setCellValue(l.linkRef());
                }
                Map<String, Object> extra = l.extra() == null ? Map.of() : l.extra();
                set(row, 13, extra.get("cumulativeCode"));
                set(row, 14, extra.get("lossRate"));
                set(row, 15, extra.get("productItemNo"));
                set(row, 16, extra.get("unitConsumption"));
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void set(Row row, int col, Object value) {
        if (value != null && !value.toString().isBlank()) {
            row.createCell(col).setCellValue(value.toString());
        }
    }

    public static byte[] template(DocumentType type) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("表体 Lines");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.length; i++) {
                header.createCell(i).setCellValue(HEADERS[i]);
                sheet.setColumnWidth(i, 18 * 256);
            }
            Sheet help = wb.createSheet("说明 Help");
            int r = 0;
            help.createRow(r++).createCell(0).setCellValue(type.nameZh() + " / " + type.nameEn());
            for (LineSpec spec : type.lines()) {
                Row row = help.createRow(r++);
                row.createCell(0).setCellValue(spec.kind().name());
                row.createCell(1).setCellValue(spec.kind().nameZh() + " / " + spec.kind().nameEn());
                row.createCell(2).setCellValue("关联 / link: " + spec.link().nameZh() + " / " + spec.link().nameEn());
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the rows; a cell that is not what its column needs becomes a row error, not an exception. */
    public static List<ParsedRow> read(byte[] file) {
        List<ParsedRow> rows = new ArrayList<>();
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            if (sheet.getLastRowNum() > MAX_ROWS) {
                throw new HnswException(LedgerErrorCode.EXCEL_UNREADABLE, "more than " + MAX_ROWS + " rows");
            }
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                if (row == null || isBlank(row, formatter)) {
                    continue;
                }
                int excelRow = i + 1;
                List<String> problems = new ArrayList<>();
                LineKind kind = null;
                String kindText = text(row, 0, formatter);
                try {
                    kind = kindText == null ? null : LineKind.valueOf(kindText.trim().toUpperCase());
                } catch (IllegalArgumentException e) {
                    problems.add("表体类型 " + kindText);
                }
                BigDecimal qty = number(row, 6, formatter, problems, "数量 quantity");
                BigDecimal price = number(row, 7, formatter, problems, "单价 unit price");
                BigDecimal amount = number(row, 8, formatter, problems, "金额 amount");
                BigDecimal lineId = number(row, 12, formatter, problems, "关联表体ID linked line id");
                DocumentService.LineInput line = new DocumentService.LineInput(kind, text(row, 1, formatter),
                        text(row, 2, formatter), text(row, 3, formatter), text(row, 4, formatter), text(row, 5, formatter),
                        qty, price, amount, text(row, 9, formatter), text(row, 10, formatter),
                        lineId == null ? null : lineId.longValue(), extra(row, formatter));
                rows.add(new ParsedRow(excelRow, line, text(row, 11, formatter), problems));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof HnswException h) {
                throw h;
            }
            throw new HnswException(LedgerErrorCode.EXCEL_UNREADABLE, e.getClass().getSimpleName());
        }
        return rows;
    }

    /**
     * A cumulative-code material names the upstream enterprise's cumulative code it was received with (rule R10); a
     * unit-consumption line its loss rate in percent and the finished product it is consumed for (checked when the line
     * is resolved).
     */
    private static Map<String, Object> extra(Row row, DataFormatter f) {
        Map<String, Object> extra = new java.util.LinkedHashMap<>();
        String code = text(row, 13, f);
        if (code != null) {
            extra.put("cumulativeCode", code);
        }
        String loss = text(row, 14, f);
        if (loss != null) {
            extra.put("lossRate", loss);
        }
        String product = text(row, 15, f);
        if (product != null) {
            extra.put("productItemNo", product);
        }
        return extra;
    }

    public record ParsedRow(int row, DocumentService.LineInput line, String linkItemNo, List<String> problems) {
    }

    private static boolean isBlank(Row row, DataFormatter f) {
        for (int c = 0; c < HEADERS.length; c++) {
            if (text(row, c, f) != null) {
                return false;
            }
        }
        return true;
    }

    private static String text(Row row, int col, DataFormatter f) {
        Cell cell = row.getCell(col);
        if (cell == null) {
            return null;
        }
        String v = cell.getCellType() == CellType.FORMULA ? f.formatCellValue(cell) : f.formatCellValue(cell);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static BigDecimal number(Row row, int col, DataFormatter f, List<String> problems, String name) {
        String v = text(row, col, f);
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(v.replace(",", ""));
        } catch (NumberFormatException e) {
            problems.add(name + " “" + v + "”");
            return null;
        }
    }
}
