package cn.hnsw.ledger.numbering;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.document.DocumentAccess;
import cn.hnsw.ledger.errors.LedgerErrorCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import cn.hnsw.ledger.excel.TableWorkbook;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 自主编号规则 — each enterprise keeps, as data, its own rule for the item numbers (料号) of its filings per item kind
 * (prefix, date pattern, sequence width) and draws the next number from it; numbers are never handed out twice.
 */
@RestController
@RequestMapping("/api/ledger/v1/numbering-rules")
class NumberingController {

    static final String ENTERPRISE = "hasAnyRole('enterprise-declarant','enterprise-admin')";
    private static final Set<String> KINDS = Set.of("MATERIAL", "FINISHED_PRODUCT", "SCRAP", "GOODS");
    private static final ZoneId HAINAN = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final Clock clock;

    NumberingController(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record RuleRequest(@NotNull @Pattern(regexp = "^[A-Z0-9-]{1,20}$") String prefix,
                       @NotNull @Pattern(regexp = "^(|yyyy|yyyyMM|yyyyMMdd)$") String datePattern,
                       @Min(3) @Max(8) int seqWidth) {
    }

    record Rule(String itemKind, String prefix, String datePattern, int seqWidth, long nextValue, String example,
                boolean enabled) {
    }

    record Switch(@NotNull Boolean enabled) {
    }

    record Issued(String itemKind, String itemNo) {
    }

    @GetMapping
    @PreAuthorize(ENTERPRISE)
    List<Rule> rules() {
        return jdbc.sql("""
                        SELECT item_kind, prefix, date_pattern, seq_width, next_value, enabled FROM item_numbering_rule
                        WHERE enterprise = :e ORDER BY item_kind""")
                .param("e", own())
                .query((rs, n) -> rule(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getLong(5),
                        rs.getBoolean(6)))
                .list();
    }

    @PutMapping("/{kind}")
    @PreAuthorize(ENTERPRISE)
    Rule save(@PathVariable String kind, @Valid @RequestBody RuleRequest r) {
        requireKind(kind);
        return jdbc.sql("""
                        INSERT INTO item_numbering_rule (enterprise, item_kind, prefix, date_pattern, seq_width, updated_by, updated_at)
                        VALUES (:e, :k, :p, :d, :w, :by, :at)
                        ON CONFLICT (enterprise, item_kind) DO UPDATE SET prefix = EXCLUDED.prefix,
                            date_pattern = EXCLUDED.date_pattern, seq_width = EXCLUDED.seq_width,
                            updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
                        RETURNING next_value, enabled""")
                .param("e", own()).param("k", kind).param("p", r.prefix()).param("d", r.datePattern())
                .param("w", r.seqWidth()).param("by", Actors.current().username())
                .param("at", Timestamp.from(clock.instant()))
                .query((rs, n) -> rule(kind, r.prefix(), r.datePattern(), r.seqWidth(), rs.getLong(1), rs.getBoolean(2)))
                .single();
    }

    /** 生效: switches the rule of a kind on or off; a rule that is off draws no number, its sequence is kept. */
    @PutMapping("/{kind}/enabled")
    @PreAuthorize(ENTERPRISE)
    Rule enable(@PathVariable String kind, @Valid @RequestBody Switch s) {
        requireKind(kind);
        return jdbc.sql("""
                        UPDATE item_numbering_rule SET enabled = :on, updated_by = :by, updated_at = :at
                        WHERE enterprise = :e AND item_kind = :k
                        RETURNING item_kind, prefix, date_pattern, seq_width, next_value, enabled""")
                .param("on", s.enabled()).param("by", Actors.current().username())
                .param("at", Timestamp.from(clock.instant())).param("e", own()).param("k", kind)
                .query((rs, n) -> rule(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getLong(5),
                        rs.getBoolean(6)))
                .optional().orElseThrow(() -> new HnswException(LedgerErrorCode.NUMBERING_RULE_MISSING, kind));
    }

    /** 删除: removes the enterprise's own rule of a kind; another enterprise's rules are out of reach. */
    @DeleteMapping("/{kind}")
    @PreAuthorize(ENTERPRISE)
    void delete(@PathVariable String kind) {
        requireKind(kind);
        int n = jdbc.sql("DELETE FROM item_numbering_rule WHERE enterprise = :e AND item_kind = :k")
                .param("e", own()).param("k", kind).update();
        if (n == 0) {
            throw new HnswException(LedgerErrorCode.NUMBERING_RULE_MISSING, kind);
        }
    }

    /** 零关税编码规则模版下载 (FP 1568). */
    @GetMapping("/template")
    @PreAuthorize(ENTERPRISE)
    ResponseEntity<byte[]> template() {
        return xlsx(NumberingWorkbook.template(), "numbering-rules-template.xlsx");
    }

    /** 零关税自主编号规则导出 (FP 1570): the enterprise's rules in the template's columns. */
    @GetMapping("/export")
    @PreAuthorize(ENTERPRISE)
    ResponseEntity<byte[]> export() {
        List<Map<String, Object>> rows = rules().stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("itemKind", r.itemKind());
            m.put("prefix", r.prefix());
            m.put("datePattern", r.datePattern());
            m.put("seqWidth", r.seqWidth());
            m.put("enabled", r.enabled());
            m.put("example", r.example());
            return m;
        }).toList();
        return xlsx(NumberingWorkbook.export(rows), "numbering-rules.xlsx");
    }

    /**
     * 零关税编码规则导入 (FP 1569): every row is checked first; a wrong row is reported (422, row by row) and nothing is
     * imported. A row saves the rule of its kind as the screen does (the sequence reached is kept).
     */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(ENTERPRISE)
    @Transactional
    List<Rule> importRules(@RequestParam("file") MultipartFile file) throws java.io.IOException {
        for (NumberingWorkbook.RuleRow r : NumberingWorkbook.read(file.getBytes(), KINDS)) {
            save(r.itemKind(), new RuleRequest(r.prefix(), r.datePattern(), r.seqWidth()));
            jdbc.sql("UPDATE item_numbering_rule SET enabled = :on WHERE enterprise = :e AND item_kind = :k")
                    .param("on", r.enabled()).param("e", own()).param("k", r.itemKind()).update();
        }
        return rules();
    }

    /** One number of the enterprise's number library. */
    record LibraryEntry(String itemNo, String itemKind, String nameZh, String hsCode, String state, String documentNo,
                        String rulePrefix) {
    }

    /**
     * 零关税编号库 (FP 1571): every item number the enterprise holds — approved in its commodity library, or on a
     * filing of its own not voided — with the rule whose prefix it carries; a rule never issues one of these again
     * (a clash is refused when drawn).
     */
    @GetMapping("/library")
    @PreAuthorize(ENTERPRISE)
    List<LibraryEntry> library(@RequestParam(required = false) String kind, @RequestParam(required = false) String q) {
        String e = own();
        Map<String, String> prefixes = new LinkedHashMap<>();
        rules().forEach(r -> prefixes.put(r.itemKind(), r.prefix()));
        return jdbc.sql("""
                        SELECT item_no, item_kind, name_zh, hs_code, state, document_no FROM (
                            SELECT c.item_no, c.item_kind, c.name_zh, c.hs_code, 'FILED' AS state, NULL AS document_no
                            FROM commodity c WHERE c.enterprise = :e
                            UNION ALL
                            SELECT l.item_no, l.line_kind, l.name_zh, l.hs_code, d.status, d.document_no
                            FROM document_line l JOIN declarable_document d ON d.id = l.document_id
                            WHERE d.enterprise = :e AND d.document_type IN ('MATERIAL_FILING','FINISHED_PRODUCT_FILING','SCRAP_FILING')
                              AND d.status NOT IN ('APPROVED', 'VOIDED')
                              AND NOT EXISTS (SELECT 1 FROM commodity c2 WHERE c2.enterprise = :e AND c2.item_no = l.item_no)
                        ) n
                        WHERE (CAST(:k AS varchar) IS NULL OR item_kind = :k)
                          AND (CAST(:q AS varchar) IS NULL OR item_no ILIKE '%' || :q || '%' OR name_zh ILIKE '%' || :q || '%')
                        ORDER BY item_no LIMIT 1000""")
                .param("e", e).param("k", kind == null || kind.isBlank() ? null : kind)
                .param("q", q == null || q.isBlank() ? null : q)
                .query((rs, n) -> {
                    String prefix = prefixes.get(rs.getString(2));
                    return new LibraryEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6),
                            prefix != null && rs.getString(1) != null && rs.getString(1).startsWith(prefix) ? prefix : null);
                })
                .list();
    }

    /** Draws the next item number of a kind from the enterprise's rule (the row lock orders concurrent draws). */
    @PostMapping("/{kind}/next")
    @PreAuthorize(ENTERPRISE)
    @Transactional
    Issued next(@PathVariable String kind) {
        requireKind(kind);
        Boolean enabled = jdbc.sql("SELECT enabled FROM item_numbering_rule WHERE enterprise = :e AND item_kind = :k FOR UPDATE")
                .param("e", own()).param("k", kind).query(Boolean.class).optional()
                .orElseThrow(() -> new HnswException(LedgerErrorCode.NUMBERING_RULE_MISSING, kind));
        if (!enabled) {
            throw new HnswException(LedgerErrorCode.NUMBERING_RULE_DISABLED, kind);
        }
        Rule r = jdbc.sql("""
                        UPDATE item_numbering_rule SET next_value = next_value + 1 WHERE enterprise = :e AND item_kind = :k
                        RETURNING item_kind, prefix, date_pattern, seq_width, next_value - 1, enabled""")
                .param("e", own()).param("k", kind)
                .query((rs, n) -> rule(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getLong(5),
                        rs.getBoolean(6)))
                .single();
        if (String.valueOf(r.nextValue()).length() > r.seqWidth()) {
            throw new HnswException(LedgerErrorCode.NUMBERING_EXHAUSTED, kind, r.seqWidth());
        }
        return new Issued(kind, r.example());
    }

    /** {@code example}: the number the rule gives for {@code value} today. */
    private Rule rule(String kind, String prefix, String datePattern, int width, long value, boolean enabled) {
        String date = datePattern.isEmpty() ? "" : DateTimeFormatter.ofPattern(datePattern).format(clock.instant().atZone(HAINAN));
        String seq = String.format("%0" + width + "d", value);
        return new Rule(kind, prefix, datePattern, width, value, prefix + date + seq, enabled);
    }

    private static void requireKind(String kind) {
        if (!KINDS.contains(kind)) {
            throw new HnswException(LedgerErrorCode.NUMBERING_RULE_MISSING, kind);
        }
    }

    private static String own() {
        return DocumentAccess.ownEnterprise(Actors.current());
    }

    private static ResponseEntity<byte[]> xlsx(byte[] body, String fileName) {
        return ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
                        .attachment().filename(fileName, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
