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
import org.springframework.jdbc.core.simple.JdbcClient;
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
import java.util.List;
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
}
