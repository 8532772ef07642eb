package cn.hnsw.customs.importing;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.customs.declaration.CustomsErrorCode;
import cn.hnsw.customs.declaration.DeclarationSummary;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes the declaration workbook with Apache POI (xlsx only). */
public final class DeclarationExcel {

    public static final int MAX_ROWS = 2000;

    private DeclarationExcel() {
    }

    /** A row: its Excel number and its cells by API field. */
    public record SheetRow(int number, Map<String, String> cells) {
    }

    /** The import template: the title row in Chinese and English, one example row. */
    public static byte[] template() {
        try (Workbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet(DeclarationSheet.SHEET);
            Row title = sheet.createRow(0);
            for (int i = 0; i < DeclarationSheet.COLUMNS.size(); i++) {
                title.createCell(i).setCellValue(DeclarationSheet.COLUMNS.get(i).title());
                sheet.setColumnWidth(i, 18 * 256);
            }
            return bytes(wb);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 导入校验 (FP 126–127): an xlsx whose first sheet has the template's title row. */
    public static List<SheetRow> read(InputStream in) {
        try (Workbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheetAt(0);
            Row title = sheet.getRow(0);
            if (title == null) {
                throw new HnswException(CustomsErrorCode.IMPORT_FILE_INVALID, "no title row");
            }
            DataFormatter formatter = new DataFormatter();
            Map<Integer, String> fieldsByIndex = new HashMap<>();
            for (Cell cell : title) {
                String text = formatter.formatCellValue(cell).trim();
                for (DeclarationSheet.Column c : DeclarationSheet.COLUMNS) {
                    if (text.equals(c.title()) || text.equals(c.titleZh()) || text.equals(c.field())) {
                        fieldsByIndex.put(cell.getColumnIndex(), c.field());
                    }
                }
            }
            if (!fieldsByIndex.containsValue(DeclarationSheet.GROUP) || !fieldsByIndex.containsValue("hsCode")) {
                throw new HnswException(CustomsErrorCode.IMPORT_FILE_INVALID, "报关单序号/商品编号 columns missing");
            }
            if (sheet.getLastRowNum() > MAX_ROWS) {
                throw new HnswException(CustomsErrorCode.IMPORT_FILE_INVALID, "more than " + MAX_ROWS + " rows");
            }
            List<SheetRow> rows = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                for (Map.Entry<Integer, String> e : fieldsByIndex.entrySet()) {
                    Cell cell = row.getCell(e.getKey());
                    String value = cell == null ? null : cellText(cell, formatter);
                    if (value != null && !value.isBlank()) {
                        cells.put(e.getValue(), value.trim());
                    }
                }
                if (!cells.isEmpty()) {
                    rows.add(new SheetRow(r + 1, cells));
                }
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof HnswException h) {
                throw h;
            }
            throw new HnswException(CustomsErrorCode.IMPORT_FILE_INVALID, e.getClass().getSimpleName());
        }
    }

    /** 列表导出 (FP 174–180). */
    public static byte[] export(List<DeclarationSummary> rows) {
        try (Workbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("报关单列表 Declarations");
            String[] titles = {"预录入编号 Pre-entry no.", "报关单类型 Type", "状态 Status", "海关编号 Customs no.",
                    "企业 Enterprise", "提运单号 B/L", "监管方式 Supervision mode", "下发状态 Distribution",
                    "创建时间 Created", "申报时间 Submitted"};
            Row title = sheet.createRow(0);
            for (int i = 0; i < titles.length; i++) {
                title.createCell(i).setCellValue(titles[i]);
                sheet.setColumnWidth(i, 22 * 256);
            }
            int r = 1;
            for (DeclarationSummary s : rows) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(s.preEntryNo());
                row.createCell(1).setCellValue(s.declarationType().nameZh());
                row.createCell(2).setCellValue(s.status().nameZh());
                row.createCell(3).setCellValue(nz(s.customsNo()));
                row.createCell(4).setCellValue(s.enterpriseUscc());
                row.createCell(5).setCellValue(nz(s.billOfLadingNo()));
                row.createCell(6).setCellValue(nz(s.supervisionMode()));
                row.createCell(7).setCellValue(s.distributionStatus());
                row.createCell(8).setCellValue(s.createdAt().toString());
                row.createCell(9).setCellValue(s.submittedAt() == null ? "" : s.submittedAt().toString());
            }
            return bytes(wb);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 列表导出 by the type's 表格导出设置: the columns and the order its EXPORT screen names. */
    public static byte[] export(List<DeclarationSummary> rows, List<cn.hnsw.customs.screen.ScreenField> columns) {
        try (Workbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("报关单列表 Declarations");
            Row title = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                title.createCell(i).setCellValue(columns.get(i).labelZh() + " " + columns.get(i).labelEn());
                sheet.setColumnWidth(i, 22 * 256);
            }
            int r = 1;
            for (DeclarationSummary s : rows) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < columns.size(); i++) {
                    row.createCell(i).setCellValue(cn.hnsw.customs.screen.ScreenValues.text(
                            cn.hnsw.customs.screen.ScreenValues.value(s, columns.get(i).field())));
                }
            }
            return bytes(wb);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cellText(Cell cell, DataFormatter formatter) {
        if (cell.getCellType() == CellType.NUMERIC) {
            // Plain digits for codes and exact decimals for amounts, never "1.5E3" or a locale's grouping.
            return new BigDecimal(String.valueOf(cell.getNumericCellValue())).stripTrailingZeros().toPlainString();
        }
        return formatter.formatCellValue(cell);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static byte[] bytes(Workbook wb) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        return out.toByteArray();
    }
}
