package cn.hnsw.ledger.home;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.credit.CreditService;
import cn.hnsw.ledger.document.DocumentAccess;
import cn.hnsw.ledger.errors.LedgerErrorCode;
import cn.hnsw.ledger.posting.Ledger;
import cn.hnsw.ledger.posting.Ledgers;
import cn.hnsw.ledger.qualification.Qualification;
import cn.hnsw.ledger.qualification.QualificationService;
import cn.hnsw.ledger.warning.LedgerWarnings;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 账册服务首页 (FP 1322–1329, 1460–1473): the enterprise's qualifications, ledgers and goods with their counts, its
 * credit as customs keeps it (grade, credit report, second-line port clearance and comprehensive evaluations), its
 * to-do list (documents returned by customs, drafts not yet declared, open warnings) and its own order of the menu.
 */
@RestController
@RequestMapping("/api/ledger/v1/home")
class HomeController {

    /** The ledger service's menu entries on the home page, in their default order. */
    static final List<String> MENU = List.of("home", "ledgers", "documents", "commodities", "qualifications", "warnings",
            "withdrawals", "jointChains");

    private final JdbcClient jdbc;
    private final Ledgers ledgers;
    private final QualificationService qualifications;
    private final LedgerWarnings warnings;
    private final DocumentAccess access;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final CreditService credit;

    HomeController(JdbcClient jdbc, Ledgers ledgers, QualificationService qualifications, LedgerWarnings warnings,
                   DocumentAccess access, ObjectMapper mapper, Clock clock, CreditService credit) {
        this.credit = credit;
        this.jdbc = jdbc;
        this.ledgers = ledgers;
        this.qualifications = qualifications;
        this.warnings = warnings;
        this.access = access;
        this.mapper = mapper;
        this.clock = clock;
    }

    record Counted<T>(int count, List<T> items) {
    }

    record PendingItem(String kind, Long documentId, String documentNo, String titleZh, String titleEn, Object since) {
    }

    record Home(String enterprise, Counted<Qualification> qualifications, Counted<Ledger> ledgers,
                Map<String, Object> goods, List<PendingItem> pending, Map<String, Long> pendingCounts, List<String> menu,
                CreditService.CreditView credit) {
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    Home home(@RequestParam(required = false) String actingFor) {
        CurrentActor actor = Actors.current();
        String enterprise = access.listRestriction(actor, actingFor);
        List<Qualification> own = qualifications.list(enterprise, null).stream().filter(q -> "ACTIVE".equals(q.status())).toList();
        List<Ledger> ledgerList = ledgers.list(enterprise);
        Map<String, Object> goods = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT item_kind, count(*) FROM commodity WHERE enterprise = :e GROUP BY item_kind ORDER BY item_kind")
                .param("e", enterprise).query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(e -> goods.put(e.getKey(), e.getValue()));
        Pending pending = pending(enterprise);
        return new Home(enterprise, new Counted<>(own.size(), own), new Counted<>(ledgerList.size(),
                ledgerList.stream().limit(5).toList()), goods, pending.items(), pending.counts(), menu(actor.username()),
                enterprise == null ? null : credit.current(enterprise));
    }

    /**
     * 账册服务待办 as an interface of its own: the counts per kind (returned by customs, to declare, chain
     * confirmations awaited, warnings open), counted in full, and the latest items, each naming its document or chain.
     */
    record Pending(Map<String, Long> counts, long total, List<PendingItem> items) {
    }

    @GetMapping("/pending")
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    Pending pendingOf(@RequestParam(required = false) String actingFor) {
        return pending(access.listRestriction(Actors.current(), actingFor));
    }

    /** The to-do reminder: what came since the user last acknowledged it (all, the first time). */
    record Reminder(Object lastSeenAt, long count, List<PendingItem> items) {
    }

    /**
     * 账册服务待办提醒 (FP 1465): the enterprise's to-dos that are new or changed since this user last acknowledged the
     * reminder — each user of the enterprise keeps its own mark.
     */
    @GetMapping("/pending/reminder")
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    Reminder reminder() {
        CurrentActor actor = Actors.current();
        String enterprise = DocumentAccess.ownEnterprise(actor);
        java.time.Instant seen = jdbc.sql("SELECT seen_at FROM pending_reminder_seen WHERE username = :u AND enterprise = :e")
                .param("u", actor.username()).param("e", enterprise).query(Timestamp.class).optional()
                .map(Timestamp::toInstant).orElse(null);
        List<PendingItem> fresh = pending(enterprise).items().stream()
                .filter(i -> seen == null || (instant(i.since()) != null && instant(i.since()).isAfter(seen))).toList();
        return new Reminder(seen, fresh.size(), fresh);
    }

    /** The reminder acknowledged now: the to-dos up to now are no longer named by it. */
    @org.springframework.web.bind.annotation.PostMapping("/pending/reminder/seen")
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    Reminder reminderSeen() {
        CurrentActor actor = Actors.current();
        String enterprise = DocumentAccess.ownEnterprise(actor);
        jdbc.sql("""
                        INSERT INTO pending_reminder_seen (username, enterprise, seen_at) VALUES (:u, :e, :at)
                        ON CONFLICT (username) DO UPDATE SET enterprise = EXCLUDED.enterprise, seen_at = EXCLUDED.seen_at""")
                .param("u", actor.username()).param("e", enterprise).param("at", Timestamp.from(clock.instant())).update();
        return reminder();
    }

    private static java.time.Instant instant(Object since) {
        return switch (since) {
            case null -> null;
            case java.time.Instant i -> i;
            case Timestamp t -> t.toInstant();
            case java.time.OffsetDateTime o -> o.toInstant();
            case java.util.Date d -> d.toInstant();
            default -> null;
        };
    }

    private Pending pending(String enterprise) {
        List<PendingItem> pending = new ArrayList<>();
        jdbc.sql("""
                        SELECT id, document_no, status, title, return_reason, updated_at FROM declarable_document
                        WHERE enterprise = :e AND status IN ('RETURNED', 'DRAFT', 'CHANGE_DRAFT')
                        ORDER BY CASE status WHEN 'RETURNED' THEN 0 ELSE 1 END, updated_at DESC LIMIT 50""")
                .param("e", enterprise).query().listOfRows().forEach(r -> {
                    boolean returned = "RETURNED".equals(r.get("status"));
                    String what = r.get("title") == null ? (String) r.get("document_no") : (String) r.get("title");
                    pending.add(new PendingItem(returned ? "RETURNED" : "TO_DECLARE", ((Number) r.get("id")).longValue(),
                            (String) r.get("document_no"),
                            returned ? "海关退回，请修改后重新申报：" + what + "（" + r.get("return_reason") + "）" : "待申报：" + what,
                            returned ? "Returned by customs, correct and declare again: " + what : "To declare: " + what,
                            r.get("updated_at")));
                });
        warnings.open(enterprise, null).forEach(w -> pending.add(new PendingItem("WARNING", null, null, w.messageZh(),
                w.messageEn(), w.raisedAt())));
        if (enterprise != null) {
            // joint value-added chains waiting for this enterprise's confirmation
            jdbc.sql("""
                            SELECT c.chain_no, c.name, c.initiator, c.created_at FROM joint_chain_member m
                            JOIN joint_chain c ON c.id = m.chain_id
                            WHERE m.enterprise = :e AND NOT m.initiator AND m.status = 'PENDING' AND c.status <> 'VOIDED'
                            ORDER BY c.id LIMIT 50""")
                    .param("e", enterprise).query().listOfRows().forEach(r -> pending.add(new PendingItem(
                            "CHAIN_CONFIRMATION", null, (String) r.get("chain_no"),
                            "待确认联合加工增值产业链：" + r.get("name") + "（发起企业 " + r.get("initiator") + "）",
                            "Joint value-added chain to confirm: " + r.get("name") + " (initiated by " + r.get("initiator") + ")",
                            r.get("created_at"))));
        }
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        counts.put("RETURNED", 0L);
        counts.put("TO_DECLARE", 0L);
        counts.put("CHAIN_CONFIRMATION", 0L);
        jdbc.sql("""
                        SELECT CASE status WHEN 'RETURNED' THEN 'RETURNED' ELSE 'TO_DECLARE' END, count(*)
                        FROM declarable_document WHERE enterprise = :e AND status IN ('RETURNED', 'DRAFT', 'CHANGE_DRAFT')
                        GROUP BY 1""")
                .param("e", enterprise).query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        if (enterprise != null) {
            counts.put("CHAIN_CONFIRMATION", jdbc.sql("""
                            SELECT count(*) FROM joint_chain_member m JOIN joint_chain c ON c.id = m.chain_id
                            WHERE m.enterprise = :e AND NOT m.initiator AND m.status = 'PENDING' AND c.status <> 'VOIDED'""")
                    .param("e", enterprise).query(Long.class).single());
        }
        counts.put("WARNING", pending.stream().filter(p -> "WARNING".equals(p.kind())).count());
        return new Pending(counts, counts.values().stream().mapToLong(Long::longValue).sum(), pending);
    }

    @GetMapping("/menu-order")
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    List<String> menuOrder() {
        return menu(Actors.current().username());
    }

    /** 顺序调整: the user's order of the menu entries; every entry exactly once. */
    @PutMapping("/menu-order")
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    List<String> saveMenuOrder(@RequestBody List<String> order) throws JsonProcessingException {
        Set<String> seen = new HashSet<>();
        for (String item : order) {
            if (!MENU.contains(item) || !seen.add(item)) {
                throw new HnswException(LedgerErrorCode.MENU_ORDER_INVALID, item);
            }
        }
        if (seen.size() != MENU.size()) {
            throw new HnswException(LedgerErrorCode.MENU_ORDER_INVALID,
                    MENU.stream().filter(m -> !seen.contains(m)).findFirst().orElse("?"));
        }
        jdbc.sql("""
                        INSERT INTO home_menu_order (username, items, updated_at) VALUES (:u, CAST(:i AS jsonb), :at)
                        ON CONFLICT (username) DO UPDATE SET items = EXCLUDED.items, updated_at = EXCLUDED.updated_at""")
                .param("u", Actors.current().username()).param("i", mapper.writeValueAsString(order))
                .param("at", Timestamp.from(clock.instant())).update();
        return menu(Actors.current().username());
    }

    /** 我的菜单定制删除 (FP 1472): the user's own order removed; the default order applies again. */
    @org.springframework.web.bind.annotation.DeleteMapping("/menu-order")
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    List<String> deleteMenuOrder() {
        jdbc.sql("DELETE FROM home_menu_order WHERE username = :u").param("u", Actors.current().username()).update();
        return menu(Actors.current().username());
    }

    private List<String> menu(String username) {
        return jdbc.sql("SELECT items::text FROM home_menu_order WHERE username = :u").param("u", username)
                .query(String.class).optional().map(this::read).map(HomeController::withNewEntries).orElse(MENU);
    }

    /** A saved order keeps its order; entries added to the menu after it was saved come at its end. */
    private static List<String> withNewEntries(List<String> saved) {
        List<String> order = new ArrayList<>(saved.stream().filter(MENU::contains).toList());
        MENU.stream().filter(m -> !order.contains(m)).forEach(order::add);
        return order;
    }

    private List<String> read(String json) {
        try {
            return mapper.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            return MENU;
        }
    }
}
