package cn.hnsw.customs.importing;

import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.web.FieldViolation;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.customs.declaration.DeclarationHeader;
import cn.hnsw.customs.declaration.DeclarationItem;
import cn.hnsw.customs.declaration.DeclarationRequest;
import cn.hnsw.customs.declaration.DeclarationSearch;
import cn.hnsw.customs.declaration.DeclarationService;
import cn.hnsw.customs.declaration.DeclarationSummary;
import cn.hnsw.customs.declaration.DeclarationType;
import cn.hnsw.customs.declaration.SaveResult;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Excel 导入 (FP 123–129, 181–187, 330–337, 556–562): each declaration of the workbook is temp-saved on its own, with the
 * same checks as the entry screen; the report says, row by row, what was created and why anything was refused.
 */
@Service
public class DeclarationImportService {

    private final DeclarationService declarations;
    private final Validator validator;
    private final TransactionTemplate tx;
    private final ExcelSettings settings;
    private final cn.hnsw.customs.screen.ScreenConfigService screens;

    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    public DeclarationImportService(DeclarationService declarations, Validator validator, TransactionTemplate tx,
                                    ExcelSettings settings, cn.hnsw.customs.screen.ScreenConfigService screens,
                                    org.springframework.jdbc.core.simple.JdbcClient jdbc,
                                    com.fasterxml.jackson.databind.ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.declarations = declarations;
        this.validator = validator;
        this.tx = tx;
        this.settings = settings;
        this.screens = screens;
    }

    /** Refuses anything but a non-empty .xlsx file before it is read. */
    public static void checkWorkbookFile(String filename, boolean empty) {
        if (empty || filename == null || !filename.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
            throw new cn.hnsw.common.web.HnswException(cn.hnsw.customs.declaration.CustomsErrorCode.IMPORT_FILE_INVALID,
                    filename == null ? "no file" : filename);
        }
    }

    public ImportReport importWorkbook(CurrentActor actor, DeclarationType type, InputStream workbook) {
        return importWorkbook(actor, type, workbook, null);
    }

    /** The import, kept as an import record (导入记录) with its report. */
    public ImportReport importWorkbook(CurrentActor actor, DeclarationType type, InputStream workbook, String filename) {
        ImportReport report = read(actor, type, workbook);
        String body;
        try {
            body = json.writeValueAsString(report);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        jdbc.sql("""
                INSERT INTO declaration_import (id, enterprise_uscc, declaration_type, filename, rows, created, refused,
                  report, imported_by) VALUES (:id, :e, :t, :f, :r, :c, :x, :report, :by)""")
                .param("id", java.util.UUID.randomUUID())
                .param("e", cn.hnsw.common.security.EnterpriseScope.restrictionFor(actor).orElse(null))
                .param("t", type.name()).param("f", filename == null ? null : filename.length() > 200 ? filename.substring(0, 200) : filename)
                .param("r", report.rows()).param("c", report.declarationsCreated()).param("x", report.declarationsRefused())
                .param("report", body).param("by", actor.username()).update();
        return report;
    }

    /** One import record; the report only on {@link #importRecord}. */
    public record ImportRecord(java.util.UUID id, String enterpriseUscc, DeclarationType declarationType, String filename,
                               int rows, int created, int refused, String importedBy, java.time.Instant importedAt,
                               ImportReport report) {
    }

    /** 导入记录查询: an enterprise its own, officers and operators any (or one enterprise's); by type; newest first. */
    public cn.hnsw.common.web.PageResponse<ImportRecord> importRecords(CurrentActor actor, String enterprise,
                                                                       DeclarationType type, PageQuery page) {
        String scoped = cn.hnsw.common.security.EnterpriseScope.restrictionFor(actor).orElse(enterprise);
        String where = " WHERE (CAST(:e AS text) IS NULL OR enterprise_uscc = :e) AND (CAST(:t AS text) IS NULL OR declaration_type = :t)";
        String t = type == null ? null : type.name();
        List<ImportRecord> rows = jdbc.sql("SELECT * FROM declaration_import" + where
                        + " ORDER BY imported_at DESC, id LIMIT :l OFFSET :o")
                .param("e", scoped).param("t", t).param("l", page.size()).param("o", page.offset())
                .query((rs, n) -> record(rs, false)).list();
        long total = jdbc.sql("SELECT count(*) FROM declaration_import" + where).param("e", scoped).param("t", t)
                .query(Long.class).single();
        return cn.hnsw.common.web.PageResponse.of(rows, page, total);
    }

    public ImportRecord importRecord(CurrentActor actor, java.util.UUID id) {
        var own = cn.hnsw.common.security.EnterpriseScope.restrictionFor(actor);
        return jdbc.sql("SELECT * FROM declaration_import WHERE id = :id").param("id", id)
                .query((rs, n) -> record(rs, true)).optional()
                .filter(r -> own.isEmpty() || own.get().equals(r.enterpriseUscc()))
                .orElseThrow(() -> new HnswException(cn.hnsw.customs.declaration.CustomsErrorCode.IMPORT_RECORD_NOT_FOUND));
    }

    private ImportRecord record(java.sql.ResultSet rs, boolean withReport) throws java.sql.SQLException {
        ImportReport report = null;
        if (withReport) {
            try {
                report = json.readValue(rs.getString("report"), ImportReport.class);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return new ImportRecord(rs.getObject("id", java.util.UUID.class), rs.getString("enterprise_uscc"),
                DeclarationType.valueOf(rs.getString("declaration_type")), rs.getString("filename"), rs.getInt("rows"),
                rs.getInt("created"), rs.getInt("refused"), rs.getString("imported_by"),
                rs.getTimestamp("imported_at").toInstant(), report);
    }

    private ImportReport read(CurrentActor actor, DeclarationType type, InputStream workbook) {
        List<DeclarationExcel.SheetRow> rows = DeclarationExcel.read(workbook);
        // 导入校验设置: the most rows, and the columns each row must fill.
        var setting = settings.inForce(ExcelSettings.Direction.IMPORT, type);
        if (setting.isPresent() && rows.size() > setting.get().maxRows()) {
            throw new cn.hnsw.common.web.HnswException(cn.hnsw.customs.declaration.CustomsErrorCode.IMPORT_TOO_MANY_ROWS,
                    rows.size(), setting.get().maxRows());
        }
        Map<String, List<DeclarationExcel.SheetRow>> groups = new LinkedHashMap<>();
        List<ImportReport.RowResult> results = new ArrayList<>();
        for (DeclarationExcel.SheetRow row : rows) {
            String group = row.cells().get(DeclarationSheet.GROUP);
            if (group == null) {
                results.add(new ImportReport.RowResult(row.number(), null, false, null, null,
                        List.of("报关单序号未填写"), List.of("Declaration group is empty")));
                continue;
            }
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(row);
        }
        int created = 0;
        int refused = 0;
        for (Map.Entry<String, List<DeclarationExcel.SheetRow>> group : groups.entrySet()) {
            List<String> zh = new ArrayList<>();
            List<String> en = new ArrayList<>();
            SaveResult saved = null;
            if (setting.isPresent()) {
                boolean first = true;
                for (DeclarationExcel.SheetRow row : group.getValue()) {
                    for (String[] m : ExcelSettings.missing(setting.get(), row.cells(), first)) {
                        zh.add("第" + row.number() + "行" + m[0] + "必填（导入校验设置）");
                        en.add("Row " + row.number() + ": " + m[1] + " is required (import setting)");
                    }
                    first = false;
                }
            }
            if (zh.isEmpty()) try {
                DeclarationRequest request = request(type, group.getValue());
                Set<ConstraintViolation<DeclarationRequest>> violations = validator.validate(request);
                for (ConstraintViolation<DeclarationRequest> v : violations) {
                    zh.add(v.getPropertyPath() + "：" + v.getMessage());
                    en.add(v.getPropertyPath() + ": " + v.getMessage());
                }
                if (violations.isEmpty()) {
                    saved = tx.execute(s -> declarations.create(actor, request));
                }
            } catch (CellException e) {
                zh.add(e.messageZh);
                en.add(e.messageEn);
            } catch (HnswException e) {
                if (e.violations().isEmpty()) {
                    zh.add(e.messageZh());
                    en.add(e.messageEn());
                }
                for (FieldViolation v : e.violations()) {
                    zh.add(v.messageZh());
                    en.add(v.messageEn());
                }
            }
            if (saved != null) {
                created++;
            } else {
                refused++;
            }
            for (DeclarationExcel.SheetRow row : group.getValue()) {
                results.add(new ImportReport.RowResult(row.number(), group.getKey(), saved != null,
                        saved == null ? null : saved.declaration().id(),
                        saved == null ? null : saved.declaration().preEntryNo(),
                        saved != null ? List.of("保存成功") : zh, saved != null ? List.of("Saved") : en));
            }
        }
        results.sort((a, b) -> Integer.compare(a.row(), b.row()));
        return new ImportReport(rows.size(), created, refused, results);
    }

    public byte[] export(CurrentActor actor, DeclarationSearch search) {
        var result = declarations.search(actor, search, PageQuery.of(0, PageQuery.MAX_SIZE));
        if (search.type() == null) {
            return DeclarationExcel.export(result.content());
        }
        // 导出校验设置 and 表格导出设置 of the type: the most rows, then the EXPORT screen's columns in its order.
        var setting = settings.inForce(ExcelSettings.Direction.EXPORT, search.type());
        if (setting.isPresent() && result.totalElements() > setting.get().maxRows()) {
            throw new cn.hnsw.common.web.HnswException(cn.hnsw.customs.declaration.CustomsErrorCode.EXPORT_TOO_LARGE,
                    result.totalElements(), setting.get().maxRows());
        }
        var columns = screens.of(search.type(), cn.hnsw.customs.screen.Screen.EXPORT)
                .section(cn.hnsw.customs.screen.Screen.Section.RESULT);
        return DeclarationExcel.export(result.content(), columns);
    }

    private static DeclarationRequest request(DeclarationType type, List<DeclarationExcel.SheetRow> rows) {
        Map<String, String> h = rows.getFirst().cells();
        DeclarationHeader header = new DeclarationHeader(h.get("declareCustoms"), h.get("entryExitCustoms"),
                h.get("ledgerNo"), h.get("supervisionMode"), h.get("levyNature"), false, h.get("transportMode"),
                h.get("vesselName"), h.get("voyageNo"), h.get("billOfLadingNo"), h.get("domesticTraderUscc"),
                h.get("domesticTraderName"), h.get("overseasTraderName"), h.get("declarantUscc"), h.get("declarantName"),
                h.get("tradingCountry"), h.get("departureCountry"), h.get("portCode"), h.get("transactionMode"),
                h.get("packageType"), integer(rows.getFirst(), "packages"), decimal(rows.getFirst(), "grossWeight"),
                decimal(rows.getFirst(), "netWeight"), h.get("contractNo"), h.get("remark"), h.get("goodsAttributes"),
                h.get("verificationListNo"));
        List<DeclarationItem> items = new ArrayList<>();
        for (DeclarationExcel.SheetRow row : rows) {
            Map<String, String> c = row.cells();
            items.add(new DeclarationItem(items.size() + 1, c.get("hsCode"), c.get("name"), c.get("specification"),
                    decimal(row, "quantity"), c.get("unit"), decimal(row, "legalQuantity"), c.get("legalUnit"), null, null,
                    decimal(row, "unitPrice"), decimal(row, "totalPrice"), c.get("currency"), c.get("originCountry"),
                    c.get("destinationCountry"), c.get("levyMode"), decimal(row, "itemGrossWeight"),
                    decimal(row, "itemNetWeight"), null));
        }
        return new DeclarationRequest(type, null, header, items);
    }

    private static BigDecimal decimal(DeclarationExcel.SheetRow row, String field) {
        String value = row.cells().get(field);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.replace(",", ""));
        } catch (NumberFormatException e) {
            throw new CellException("第" + row.number() + "行“" + field + "”不是数字：" + value,
                    "Row " + row.number() + ": " + field + " is not a number: " + value);
        }
    }

    private static Integer integer(DeclarationExcel.SheetRow row, String field) {
        BigDecimal d = decimal(row, field);
        if (d == null) {
            return null;
        }
        try {
            return d.intValueExact();
        } catch (ArithmeticException e) {
            throw new CellException("第" + row.number() + "行“" + field + "”应为整数", "Row " + row.number() + ": " + field + " must be a whole number");
        }
    }

    /** A cell that does not convert; reported on its rows, never stored. */
    private static final class CellException extends RuntimeException {
        final String messageZh;
        final String messageEn;

        CellException(String messageZh, String messageEn) {
            super(messageEn, null, false, false);
            this.messageZh = messageZh;
            this.messageEn = messageEn;
        }
    }
}
