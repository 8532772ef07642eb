package cn.hnsw.ledger.warning;

import cn.hnsw.common.events.EventTopics;
import cn.hnsw.common.events.OutboxPublisher;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.errors.LedgerErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 账册预警 — warnings whose tolerance is data (one rule per ledger, kind and optionally item):
 * <ul>
 *   <li>{@code LOW_STOCK}: a stock row at or below {@code threshold × (1 + tolerance_pct / 100)};</li>
 *   <li>{@code RECEIPT_OVERDUE}: a document declared more than {@code tolerance_hours} ago with no customs receipt.</li>
 * </ul>
 * {@link #evaluate()} runs every minute: a new condition raises a warning (once while it holds) and, where the rule
 * says so, notifies the enterprise through the outbox on {@code hnsw.ledger.ledger-warning-raised} and on the
 * channels it chose for the kind ({@link WarningNotifications}: in-app, SMS, e-mail); a cleared
 * condition closes its warning. Open warnings are on the enterprise's home page as to-dos.
 */
@Service
public class LedgerWarnings {

    public static final String TOPIC = EventTopics.topic("ledger", "ledger-warning-raised");
    private static final Logger log = LoggerFactory.getLogger(LedgerWarnings.class);

    private final JdbcClient jdbc;
    private final OutboxPublisher outbox;
    private final Clock clock;
    private final WarningNotifications notifications;

    public LedgerWarnings(JdbcClient jdbc, OutboxPublisher outbox, Clock clock, WarningNotifications notifications) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
        this.notifications = notifications;
    }

    public record Rule(Long id, long ledgerId, String kind, String itemNo, BigDecimal threshold, BigDecimal tolerancePct,
                       Integer toleranceHours, boolean notifyEnterprise) {
    }

    public record Warning(long id, long ruleId, long ledgerId, String enterprise, String subject, String messageZh,
                          String messageEn, Instant raisedAt, Instant closedAt) {
    }

    private record Hit(String subject, String messageZh, String messageEn) {
    }

    /** Creates or replaces the rule of a ledger for a kind (and item). */
    @Transactional
    public Rule save(Rule r, String by) {
        if ("LOW_STOCK".equals(r.kind())) {
            if (r.threshold() == null || r.threshold().signum() < 0) {
                throw new HnswException(LedgerErrorCode.WARNING_RULE_INVALID, "库存预警须有不小于 0 的阈值 / low-stock needs a threshold ≥ 0");
            }
        } else if ("RECEIPT_OVERDUE".equals(r.kind()) || "BOOKING_OVERDUE".equals(r.kind())) {
            if (r.toleranceHours() == null || r.toleranceHours() <= 0) {
                throw new HnswException(LedgerErrorCode.WARNING_RULE_INVALID, "超时预警须有大于 0 的容忍小时数 / an overdue warning needs tolerance hours > 0");
            }
        } else {
            throw new HnswException(LedgerErrorCode.WARNING_RULE_INVALID, "kind " + r.kind());
        }
        BigDecimal tolerance = r.tolerancePct() == null ? BigDecimal.ZERO : r.tolerancePct();
        if (tolerance.signum() < 0 || tolerance.compareTo(BigDecimal.valueOf(1000)) > 0) {
            throw new HnswException(LedgerErrorCode.WARNING_RULE_INVALID, "容差须在 0–1000% / tolerance must be 0–1000%");
        }
        long id = jdbc.sql("""
                        INSERT INTO ledger_warning_rule (ledger_id, kind, item_no, threshold, tolerance_pct, tolerance_hours,
                            notify, updated_by, updated_at)
                        VALUES (:l, :k, :i, :t, :p, :h, :n, :by, :at)
                        ON CONFLICT (ledger_id, kind, coalesce(item_no, '')) DO UPDATE SET threshold = EXCLUDED.threshold,
                            tolerance_pct = EXCLUDED.tolerance_pct, tolerance_hours = EXCLUDED.tolerance_hours,
                            notify = EXCLUDED.notify, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
                        RETURNING id""")
                .param("l", r.ledgerId()).param("k", r.kind()).param("i", r.itemNo()).param("t", r.threshold())
                .param("p", tolerance).param("h", r.toleranceHours()).param("n", r.notifyEnterprise()).param("by", by)
                .param("at", Timestamp.from(clock.instant())).query(Long.class).single();
        return new Rule(id, r.ledgerId(), r.kind(), r.itemNo(), r.threshold(), tolerance, r.toleranceHours(), r.notifyEnterprise());
    }

    /**
     * 删除 (FP 2902, 2906, 2910): the rule of this ledger goes, and with it its warnings (open ones leave the home page).
     *
     * @return whether the ledger had this rule
     */
    @org.springframework.transaction.annotation.Transactional
    public boolean delete(long ledgerId, long ruleId) {
        boolean exists = jdbc.sql("SELECT EXISTS (SELECT 1 FROM ledger_warning_rule WHERE id = :r AND ledger_id = :l)")
                .param("r", ruleId).param("l", ledgerId).query(Boolean.class).single();
        if (!exists) {
            return false;
        }
        jdbc.sql("DELETE FROM ledger_warning WHERE rule_id = :r").param("r", ruleId).update();
        jdbc.sql("DELETE FROM ledger_warning_rule WHERE id = :r").param("r", ruleId).update();
        log.info("event=ledger-warning-rule-deleted ledger={} rule={}", ledgerId, ruleId);
        return true;
    }

    /**
     * 底账误差设置信息删除 (FP 2906): the tolerance of a low-stock rule is removed (back to 0 %: the warning line is the
     * threshold itself); the rule stays. An overdue rule's tolerance is what it measures and cannot be removed.
     *
     * @return the rule as it is now, or empty when the ledger has no such rule
     */
    @org.springframework.transaction.annotation.Transactional
    public java.util.Optional<Rule> deleteTolerance(long ledgerId, long ruleId) {
        java.util.Optional<Rule> rule = rules(ledgerId).stream().filter(r -> r.id() == ruleId).findFirst();
        if (rule.isEmpty()) {
            return rule;
        }
        if (!"LOW_STOCK".equals(rule.get().kind())) {
            throw new HnswException(LedgerErrorCode.WARNING_RULE_INVALID,
                    "超时预警的容忍小时数不能删除，请修改 / an overdue warning's tolerance hours cannot be removed, change them");
        }
        jdbc.sql("UPDATE ledger_warning_rule SET tolerance_pct = 0 WHERE id = :r AND ledger_id = :l")
                .param("r", ruleId).param("l", ledgerId).update();
        log.info("event=ledger-warning-tolerance-deleted ledger={} rule={}", ledgerId, ruleId);
        return rules(ledgerId).stream().filter(r -> r.id() == ruleId).findFirst();
    }

    public List<Rule> rules(long ledgerId) {
        return jdbc.sql("""
                        SELECT id, ledger_id, kind, item_no, threshold, tolerance_pct, tolerance_hours, notify
                        FROM ledger_warning_rule WHERE ledger_id = :l ORDER BY id""")
                .param("l", ledgerId).query((rs, n) -> new Rule(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getBigDecimal(5), rs.getBigDecimal(6), (Integer) rs.getObject(7),
                        rs.getBoolean(8))).list();
    }

    /** Open warnings of an enterprise (or of all where null), newest first. */
    public List<Warning> open(String enterprise, Long ledgerId) {
        return jdbc.sql("""
                        SELECT id, rule_id, ledger_id, enterprise, subject, message_zh, message_en, raised_at, closed_at
                        FROM ledger_warning WHERE closed_at IS NULL
                          AND (CAST(:e AS varchar) IS NULL OR enterprise = :e)
                          AND (CAST(:l AS bigint) IS NULL OR ledger_id = :l)
                        ORDER BY id DESC""")
                .param("e", enterprise).param("l", ledgerId)
                .query((rs, n) -> new Warning(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(), null)).list();
    }

    @Scheduled(fixedDelayString = "${hnsw.ledger.warnings.interval:PT1M}", initialDelayString = "${hnsw.ledger.warnings.initial-delay:PT1M}")
    public void scheduled() {
        try {
            evaluate();
        } catch (RuntimeException e) {
            log.warn("event=ledger-warnings-failed cause={}", e.toString());
        }
    }

    /** @return the number of warnings raised by this evaluation */
    @Transactional
    public int evaluate() {
        Instant now = clock.instant();
        int raised = 0;
        for (Map<String, Object> rule : jdbc.sql("""
                        SELECT r.id, r.ledger_id, r.kind, r.item_no, r.threshold, r.tolerance_pct, r.tolerance_hours, r.notify,
                               l.enterprise, l.ledger_no
                        FROM ledger_warning_rule r JOIN ledger l ON l.id = r.ledger_id WHERE l.status <> 'CANCELLED'""")
                .query().listOfRows()) {
            long ruleId = ((Number) rule.get("id")).longValue();
            long ledgerId = ((Number) rule.get("ledger_id")).longValue();
            String ledgerNo = (String) rule.get("ledger_no");
            List<Hit> hits = switch ((String) rule.get("kind")) {
                case "LOW_STOCK" -> lowStock(ledgerId, ledgerNo, (String) rule.get("item_no"), (BigDecimal) rule.get("threshold"),
                        (BigDecimal) rule.get("tolerance_pct"));
                case "BOOKING_OVERDUE" -> bookingOverdue(ledgerId, ledgerNo, ((Number) rule.get("tolerance_hours")).intValue(), now);
                default -> overdue(ledgerId, ledgerNo, ((Number) rule.get("tolerance_hours")).intValue(), now);
            };
            Set<String> subjects = new HashSet<>();
            for (Hit h : hits) {
                subjects.add(h.subject());
                Long id = jdbc.sql("""
                                INSERT INTO ledger_warning (rule_id, ledger_id, enterprise, subject, message_zh, message_en, raised_at)
                                VALUES (:r, :l, :e, :s, :zh, :en, :at)
                                ON CONFLICT (rule_id, subject) WHERE closed_at IS NULL DO NOTHING RETURNING id""")
                        .param("r", ruleId).param("l", ledgerId).param("e", rule.get("enterprise")).param("s", h.subject())
                        .param("zh", h.messageZh()).param("en", h.messageEn()).param("at", Timestamp.from(now))
                        .query(Long.class).optional().orElse(null);
                if (id != null) {
                    raised++;
                    if (Boolean.TRUE.equals(rule.get("notify"))) {
                        outbox.publish(TOPIC, "LedgerWarning", String.valueOf(id), TOPIC, Map.of("warningId", id,
                                "enterprise", rule.get("enterprise"), "ledgerNo", ledgerNo, "kind", rule.get("kind"),
                                "subject", h.subject(), "messageZh", h.messageZh(), "messageEn", h.messageEn(),
                                "raisedAt", now.toString()));
                        notifications.enqueue(id, (String) rule.get("enterprise"), (String) rule.get("kind"), ledgerNo,
                                h.messageZh(), h.messageEn(), now);
                    }
                }
            }
            // conditions that cleared close their warnings
            for (Map<String, Object> w : jdbc.sql("SELECT id, subject FROM ledger_warning WHERE rule_id = :r AND closed_at IS NULL")
                    .param("r", ruleId).query().listOfRows()) {
                if (!subjects.contains((String) w.get("subject"))) {
                    jdbc.sql("UPDATE ledger_warning SET closed_at = :at WHERE id = :id").param("at", Timestamp.from(now))
                            .param("id", w.get("id")).update();
                }
            }
        }
        return raised;
    }

    private List<Hit> lowStock(long ledgerId, String ledgerNo, String itemNo, BigDecimal threshold, BigDecimal tolerancePct) {
        BigDecimal level = threshold.multiply(BigDecimal.ONE.add(tolerancePct.movePointLeft(2))).setScale(4, RoundingMode.HALF_UP);
        return jdbc.sql("""
                        SELECT item_no, name_zh, quantity FROM ledger_stock
                        WHERE ledger_id = :l AND (CAST(:i AS varchar) IS NULL OR item_no = :i) AND quantity <= :level
                        ORDER BY item_no""")
                .param("l", ledgerId).param("i", itemNo).param("level", level)
                .query((rs, n) -> new Hit("STOCK:" + rs.getString(1),
                        "账册 " + ledgerNo + " 料号 " + rs.getString(1) + "（" + rs.getString(2) + "）库存 "
                                + rs.getBigDecimal(3).stripTrailingZeros().toPlainString() + "，已到预警线 "
                                + level.stripTrailingZeros().toPlainString(),
                        "Ledger " + ledgerNo + " item " + rs.getString(1) + ": stock "
                                + rs.getBigDecimal(3).stripTrailingZeros().toPlainString() + " at or below the warning level "
                                + level.stripTrailingZeros().toPlainString()))
                .list();
    }

    /** 入账预警 (rule R18): simplified declarations of the ledger not booked within the tolerance after declaration. */
    private List<Hit> bookingOverdue(long ledgerId, String ledgerNo, int toleranceHours, Instant now) {
        return jdbc.sql("""
                        SELECT s.declaration_no FROM simplified_declaration s
                        WHERE s.ledger_id = :l AND s.declared_at < :before
                          AND NOT EXISTS (SELECT 1 FROM declarable_document d
                                          WHERE d.header->>'simplifiedDeclarationNo' = s.declaration_no AND d.status <> 'VOIDED')
                        ORDER BY s.declaration_no""")
                .param("l", ledgerId).param("before", Timestamp.from(now.minus(Duration.ofHours(toleranceHours))))
                .query((rs, n) -> new Hit("SD:" + rs.getString(1),
                        "账册 " + ledgerNo + " 简化申报 " + rs.getString(1) + " 申报超过 " + toleranceHours + " 小时未入账",
                        "Ledger " + ledgerNo + " simplified declaration " + rs.getString(1) + ": not booked " + toleranceHours
                                + " hours after declaration"))
                .list();
    }

    private List<Hit> overdue(long ledgerId, String ledgerNo, int toleranceHours, Instant now) {
        return jdbc.sql("""
                        SELECT d.document_no, d.declared_at FROM declarable_document d
                        WHERE d.ledger_id = :l AND d.status = 'DECLARED' AND d.declared_at < :before
                          AND NOT EXISTS (SELECT 1 FROM document_receipt r WHERE r.document_id = d.id AND r.received_at > d.declared_at)
                        ORDER BY d.document_no""")
                .param("l", ledgerId).param("before", Timestamp.from(now.minus(Duration.ofHours(toleranceHours))))
                .query((rs, n) -> new Hit("DOC:" + rs.getString(1),
                        "账册 " + ledgerNo + " 单证 " + rs.getString(1) + " 申报超过 " + toleranceHours + " 小时未收到海关回执",
                        "Ledger " + ledgerNo + " document " + rs.getString(1) + ": no customs receipt " + toleranceHours
                                + " hours after declaration"))
                .list();
    }
}
