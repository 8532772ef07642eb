package cn.hnsw.ledger.valueadded;

import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.document.Commodity;
import cn.hnsw.ledger.document.CommodityLibrary;
import cn.hnsw.ledger.document.DeclarableDocument;
import cn.hnsw.ledger.document.DocumentAccess;
import cn.hnsw.ledger.document.DocumentLine;
import cn.hnsw.ledger.document.DocumentService;
import cn.hnsw.ledger.document.DocumentTypes;
import cn.hnsw.ledger.document.LineKind;
import cn.hnsw.ledger.errors.LedgerErrorCode;
import cn.hnsw.ledger.excel.TableWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 累计码/确认码主单信息模版下载 and EXCEL导入 (FP 1644–1645, 1727–1728), and 产品备案信息批量导入一键申报 (FP 1717, 1800):
 * one value-added code per row — its basic info (domestic-sale price, currency, joint chain) and its finished product
 * linked by item number to the commodity library — made as drafts through the document engine; with {@code declare}
 * every made code is logic-checked and declared at once. Every row is checked first; a wrong row is reported with its
 * row number and nothing is made (nor declared) from the file.
 */
@Service
public class MainRecordImports {

    static final List<TableWorkbook.Column> COLUMNS = List.of(
            new TableWorkbook.Column("title", "标题 Title"),
            new TableWorkbook.Column("productItemNo", "成品料号 Finished-product item no."),
            new TableWorkbook.Column("productQuantity", "成品数量 Finished-product quantity"),
            new TableWorkbook.Column("salePrice", "内销价格 Domestic-sale price"),
            new TableWorkbook.Column("currency", "币制 Currency"),
            new TableWorkbook.Column("jointChainNo", "联合加工产业链编号 Joint chain no. (累计码 cumulative code only)"),
            new TableWorkbook.Column("remark", "备注 Remark"));
    static final Set<String> TYPES = Set.of(DocumentTypes.CUMULATIVE_CODE_FILING, DocumentTypes.CONFIRMATION_CODE_FILING);
    static final int MAX_ROWS = 500;

    private final DocumentService documents;
    private final CommodityLibrary commodities;
    private final DocumentAccess access;
    private final cn.hnsw.ledger.posting.LedgerRepository ledgers;

    public MainRecordImports(DocumentService documents, CommodityLibrary commodities, DocumentAccess access,
                             cn.hnsw.ledger.posting.LedgerRepository ledgers) {
        this.documents = documents;
        this.commodities = commodities;
        this.access = access;
        this.ledgers = ledgers;
    }

    /** One row read: the code's basic info and the product's item number. */
    record MainRow(int row, String title, String productItemNo, BigDecimal productQuantity, BigDecimal salePrice,
                   String currency, String jointChainNo, String remark) {
    }

    public static byte[] template(String type) {
        requireType(type);
        return TableWorkbook.write(DocumentTypes.get(type).nameZh(), COLUMNS, List.of());
    }

    /** The documents made (and declared, when asked), in the file's order. */
    @Transactional
    public List<DeclarableDocument> importFile(CurrentActor actor, String type, long ledgerId, String actingFor,
                                               String enterpriseName, byte[] file, boolean declare) {
        requireType(type);
        // who acts for whom, and on whose ledger, before the file is read
        String enterprise = access.forWrite(actor, DocumentTypes.get(type), actingFor).enterprise();
        if (!ledgers.get(ledgerId).enterprise().equals(enterprise)) {
            throw new HnswException(LedgerErrorCode.LEDGER_NOT_FOUND, ledgerId);
        }
        List<DocumentService.RowError> errors = new ArrayList<>();
        List<MainRow> rows = read(file, errors);
        Map<String, Commodity> products = new HashMap<>();
        commodities.list(enterprise, LineKind.FINISHED_PRODUCT.name()).forEach(c -> products.putIfAbsent(c.itemNo(), c));
        for (MainRow r : rows) {
            if (r.productItemNo() != null && !products.containsKey(r.productItemNo())) {
                errors.add(error(r.row(), "成品料号 " + r.productItemNo() + " 不在本企业商品库",
                        "finished product " + r.productItemNo() + " is not in the enterprise's commodity library"));
            }
            if (r.jointChainNo() != null && type.equals(DocumentTypes.CONFIRMATION_CODE_FILING)) {
                errors.add(error(r.row(), "确认码不关联联合加工产业链", "a confirmation code names no joint chain"));
            }
        }
        if (!errors.isEmpty()) {
            throw new DocumentService.LineImportException(sorted(errors));
        }
        List<DeclarableDocument> made = new ArrayList<>();
        for (MainRow r : rows) {
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("salePrice", r.salePrice());
            header.put("currency", r.currency() == null ? "CNY" : r.currency());
            if (r.jointChainNo() != null) {
                header.put("jointChainNo", r.jointChainNo());
            }
            if (r.remark() != null) {
                header.put("remark", r.remark());
            }
            DeclarableDocument d = documents.create(actor, new DocumentService.NewDocument(type, ledgerId, null,
                    r.title() == null ? DocumentTypes.get(type).nameZh() : r.title(), enterpriseName, header, actingFor));
            documents.addLines(actor, d.id(), List.of(new DocumentService.LineInput(LineKind.FINISHED_PRODUCT, null, null,
                    null, null, null, r.productQuantity(), null, null, null, null, products.get(r.productItemNo()).id(), Map.of())));
            made.add(d);
        }
        if (!declare) {
            return made.stream().map(d -> documents.read(actor, d.id())).toList();
        }
        // 一键申报: every code passes the logic check before any goes to customs
        for (int i = 0; i < made.size(); i++) {
            DeclarableDocument d = documents.read(actor, made.get(i).id());
            List<DocumentLine> lines = documents.readLines(actor, d.id());
            List<String> problems = new ArrayList<>(documents.logicProblems(d, lines));
            if (type.equals(DocumentTypes.CONFIRMATION_CODE_FILING) && problems.isEmpty()) {
                try {
                    ValueAddedCalculation va = documents.valueAdded(d, lines);
                    if (!va.qualifies()) {
                        problems.add("增值率 " + va.ratePct().toPlainString() + "% 低于 " + va.thresholdPct().toPlainString()
                                + "% / value-added rate below the threshold");
                    }
                } catch (HnswException e) {
                    problems.add(e.messageZh() + " / " + e.messageEn());
                }
            }
            if (!problems.isEmpty()) {
                String listed = String.join("；", problems);
                errors.add(new DocumentService.RowError(rows.get(i).row(), "LOGIC_CHECK_FAILED",
                        "第 " + rows.get(i).row() + " 行未通过逻辑检控：" + listed, "Row " + rows.get(i).row()
                        + " failed the logic check: " + listed));
            }
        }
        if (!errors.isEmpty()) {
            throw new DocumentService.LineImportException(errors);
        }
        return made.stream().map(d -> documents.declare(actor, d.id())).toList();
    }

    private static List<DocumentService.RowError> sorted(List<DocumentService.RowError> errors) {
        return errors.stream().sorted(java.util.Comparator.comparingInt(DocumentService.RowError::row)).toList();
    }

    private static List<MainRow> read(byte[] file, List<DocumentService.RowError> errors) {
        List<MainRow> rows = new ArrayList<>();
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
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < COLUMNS.size(); c++) {
                    cells.add(text(row, c, f));
                }
                if (cells.stream().allMatch(java.util.Objects::isNull)) {
                    continue;
                }
                int excelRow = i + 1;
                List<String> zh = new ArrayList<>();
                List<String> en = new ArrayList<>();
                if (cells.get(1) == null) {
                    zh.add("缺少成品料号");
                    en.add("finished-product item number missing");
                }
                BigDecimal qty = number(cells.get(2));
                if (qty == null || qty.signum() <= 0) {
                    zh.add("成品数量须大于 0");
                    en.add("finished-product quantity must be positive");
                }
                BigDecimal price = number(cells.get(3));
                if (price == null || price.signum() <= 0) {
                    zh.add("内销价格须大于 0");
                    en.add("domestic-sale price must be positive");
                }
                if (!zh.isEmpty()) {
                    errors.add(error(excelRow, String.join("；", zh), String.join("; ", en)));
                }
                rows.add(new MainRow(excelRow, cells.get(0), cells.get(1), qty, price, cells.get(4), cells.get(5), cells.get(6)));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof HnswException h) {
                throw h;
            }
            throw new HnswException(LedgerErrorCode.EXCEL_UNREADABLE, e.getClass().getSimpleName());
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            throw new HnswException(LedgerErrorCode.EXCEL_UNREADABLE, "no rows");
        }
        return rows;
    }

    private static DocumentService.RowError error(int row, String zh, String en) {
        return new DocumentService.RowError(row, "MAIN_RECORD_INVALID", "第 " + row + " 行：" + zh, "Row " + row + ": " + en);
    }

    private static BigDecimal number(String v) {
        try {
            return v == null ? null : new BigDecimal(v.replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(Row row, int col, DataFormatter f) {
        Cell cell = row.getCell(col);
        if (cell == null) {
            return null;
        }
        String v = f.formatCellValue(cell);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static void requireType(String type) {
        if (!TYPES.contains(type)) {
            throw new HnswException(LedgerErrorCode.DOCUMENT_TYPE_UNKNOWN, type);
        }
    }
}
