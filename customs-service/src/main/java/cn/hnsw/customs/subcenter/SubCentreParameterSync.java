package cn.hnsw.customs.subcenter;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.customs.declaration.CustomsErrorCode;
import cn.hnsw.customs.parameter.ClearanceParameterService;
import cn.hnsw.customs.parameter.ParameterEntry;
import cn.hnsw.customs.parameter.ParameterTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 海口数据分中心 参数同步管理 (FP 946–951, 1231–1236, 682–687): the sub-centre keeps its own copy of the clearance
 * parameter tables. 数据一致性管理: each table's held version against the platform's current one; 数据校验: a version
 * is copied only if its codes are present, unique and named; 自动更新: with the rule on, a newly published version of
 * a table the rule names is copied at once; 错误信息处理 and 日志处理: every synchronisation, refused ones too, is
 * logged with its versions. The copy is what the sub-centre's cleansing checks trading-country codes against.
 */
@Service
public class SubCentreParameterSync {

    private static final Logger log = LoggerFactory.getLogger(SubCentreParameterSync.class);

    public enum State { CONSISTENT, INCONSISTENT, NEVER_SYNCED }

    public record TableState(String table, String nameZh, String nameEn, int platformVersion, int syncedVersion,
                             int entries, Instant syncedAt, State state) {
    }

    public record Rule(boolean autoUpdate, String tables, String updatedBy, Instant updatedAt, int version) {
    }

    public record RuleChange(boolean autoUpdate, String tables, int version) {
    }

    public record RunResult(String table, int fromVersion, int toVersion, int entries, String result, String detail) {
    }

    public record LogEntry(long id, String table, int fromVersion, int toVersion, int entries, String result,
                           String detail, String syncedBy, Instant syncedAt) {
    }

    private final ClearanceParameterService parameters;
    private final JdbcClient jdbc;
    private final Clock clock = Clock.systemUTC();

    public SubCentreParameterSync(ClearanceParameterService parameters, JdbcClient jdbc) {
        this.parameters = parameters;
        this.jdbc = jdbc;
    }

    /** 数据一致性管理: every table, the version the platform publishes and the one the sub-centre holds. */
    @Transactional(readOnly = true)
    public List<TableState> states() {
        Map<String, Map<String, Object>> held = jdbc.sql("SELECT * FROM subcentre_parameter_sync").query().listOfRows()
                .stream().collect(Collectors.toMap(r -> (String) r.get("table_code"), r -> r));
        List<TableState> out = new ArrayList<>();
        for (ParameterTable t : parameters.tables()) {
            Map<String, Object> h = held.get(t.code());
            int synced = h == null ? 0 : ((Number) h.get("synced_version")).intValue();
            State state = h == null ? State.NEVER_SYNCED : synced == t.currentVersion() ? State.CONSISTENT : State.INCONSISTENT;
            out.add(new TableState(t.code(), t.nameZh(), t.nameEn(), t.currentVersion(), synced,
                    h == null ? 0 : ((Number) h.get("entries")).intValue(),
                    h == null ? null : ((Timestamp) h.get("synced_at")).toInstant(), state));
        }
        return out;
    }

    /** 自动更新 on demand: the named tables (all inconsistent ones when none are named) are copied. */
    @Transactional
    public List<RunResult> run(List<String> tables, String by) {
        Set<String> known = parameters.tables().stream().map(ParameterTable::code).collect(Collectors.toSet());
        List<String> chosen = tables == null || tables.isEmpty()
                ? states().stream().filter(s -> s.state() != State.CONSISTENT && s.platformVersion() > 0).map(TableState::table).toList()
                : tables;
        for (String t : chosen) {
            if (!known.contains(t)) {
                throw new HnswException(CustomsErrorCode.PARAMETER_SYNC_TABLE_UNKNOWN, t);
            }
        }
        return chosen.stream().map(t -> sync(t, by)).toList();
    }

    /** 自动更新 when the rule is on and names the table: the version just published is copied. */
    @EventListener
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
    public void onPublished(ClearanceParameterService.ParameterVersionPublished event) {
        Rule rule = rule();
        if (rule.autoUpdate() && names(rule.tables()).map(s -> s.contains(event.table())).orElse(true)) {
            sync(event.table(), "auto-update");
        }
    }

    @Transactional(readOnly = true)
    public Rule rule() {
        return jdbc.sql("SELECT * FROM subcentre_parameter_sync_rule WHERE id = 1").query((rs, n) -> new Rule(
                rs.getBoolean("auto_update"), rs.getString("tables"), rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"))).single();
    }

    /** 自动更新规则设置: on or off, for every table ({@code *}) or the named ones; with the version read. */
    @Transactional
    public Rule changeRule(RuleChange change, String by) {
        String tables = change.tables() == null || change.tables().isBlank() ? "*" : change.tables().trim();
        Set<String> known = parameters.tables().stream().map(ParameterTable::code).collect(Collectors.toSet());
        for (String t : names(tables).orElse(Set.of())) {
            if (!known.contains(t)) {
                throw new HnswException(CustomsErrorCode.PARAMETER_SYNC_TABLE_UNKNOWN, t);
            }
        }
        int updated = jdbc.sql("""
                UPDATE subcentre_parameter_sync_rule SET auto_update = :a, tables = :t, updated_by = :by, updated_at = :at,
                  version = version + 1 WHERE id = 1 AND version = :v""")
                .param("a", change.autoUpdate()).param("t", tables).param("by", by)
                .param("at", Timestamp.from(clock.instant())).param("v", change.version()).update();
        if (updated == 0) {
            throw new HnswException(CustomsErrorCode.PARAMETER_SYNC_RULE_VERSION_CONFLICT);
        }
        return rule();
    }

    @Transactional(readOnly = true)
    public PageResponse<LogEntry> log(String table, PageQuery page) {
        String where = table == null || table.isBlank() ? "" : " WHERE table_code = :t";
        var count = jdbc.sql("SELECT count(*) FROM subcentre_parameter_sync_log" + where);
        var rows = jdbc.sql("SELECT * FROM subcentre_parameter_sync_log" + where + " ORDER BY id DESC OFFSET :o LIMIT :l");
        if (!where.isEmpty()) {
            count = count.param("t", table.trim());
            rows = rows.param("t", table.trim());
        }
        List<LogEntry> entries = rows.param("o", page.offset()).param("l", page.size()).query((rs, n) -> new LogEntry(
                rs.getLong("id"), rs.getString("table_code"), rs.getInt("from_version"), rs.getInt("to_version"),
                rs.getInt("entries"), rs.getString("result"), rs.getString("detail"), rs.getString("synced_by"),
                rs.getTimestamp("synced_at").toInstant())).list();
        return PageResponse.of(entries, page, count.query(Long.class).single());
    }

    /** Whether the sub-centre's copy of a table holds a code; an unsynchronised table answers {@code true}. */
    @Transactional(readOnly = true)
    public boolean holds(String table, String code) {
        boolean synced = jdbc.sql("SELECT count(*) FROM subcentre_parameter_sync WHERE table_code = :t")
                .param("t", table).query(Long.class).single() > 0;
        return !synced || jdbc.sql("SELECT count(*) FROM subcentre_parameter_entry WHERE table_code = :t AND code = :c")
                .param("t", table).param("c", code).query(Long.class).single() > 0;
    }

    private RunResult sync(String table, String by) {
        int from = jdbc.sql("SELECT synced_version FROM subcentre_parameter_sync WHERE table_code = :t").param("t", table)
                .query(Integer.class).optional().orElse(0);
        ParameterTable platform = parameters.table(table);
        int to = platform.currentVersion();
        List<ParameterEntry> entries = new ArrayList<>();
        for (int p = 0; to > 0; p++) {
            PageResponse<ParameterEntry> page = parameters.entries(table, to, null, PageQuery.of(p, PageQuery.MAX_SIZE));
            entries.addAll(page.content());
            if (page.content().isEmpty() || entries.size() >= page.totalElements()) {
                break;
            }
        }
        String problem = check(entries, to);
        Instant now = clock.instant();
        if (problem != null) {
            logRun(table, from, to, entries.size(), "FAILURE", problem, by, now);
            log.warn("event=parameter-sync-refused table={} version={} reason={}", table, to, problem);
            return new RunResult(table, from, to, entries.size(), "FAILURE", problem);
        }
        jdbc.sql("DELETE FROM subcentre_parameter_entry WHERE table_code = :t").param("t", table).update();
        for (ParameterEntry e : entries) {
            jdbc.sql("INSERT INTO subcentre_parameter_entry (table_code, code, name_zh, name_en) VALUES (:t, :c, :zh, :en)")
                    .param("t", table).param("c", e.code()).param("zh", e.nameZh()).param("en", e.nameEn()).update();
        }
        jdbc.sql("""
                INSERT INTO subcentre_parameter_sync (table_code, synced_version, entries, synced_at) VALUES (:t, :v, :n, :at)
                ON CONFLICT (table_code) DO UPDATE SET synced_version = EXCLUDED.synced_version, entries = EXCLUDED.entries,
                  synced_at = EXCLUDED.synced_at""")
                .param("t", table).param("v", to).param("n", entries.size()).param("at", Timestamp.from(now)).update();
        logRun(table, from, to, entries.size(), "SUCCESS", null, by, now);
        log.info("event=parameter-synced table={} from={} to={} entries={} by={}", table, from, to, entries.size(), by);
        return new RunResult(table, from, to, entries.size(), "SUCCESS", null);
    }

    /** 数据校验: a version worth copying has entries, each with a code of its own and a Chinese name. */
    private static String check(List<ParameterEntry> entries, int version) {
        if (version == 0 || entries.isEmpty()) {
            return "参数表尚无可同步的版本 / the table has no published version";
        }
        Set<String> seen = new HashSet<>();
        for (ParameterEntry e : entries) {
            if (e.code() == null || e.code().isBlank() || e.nameZh() == null || e.nameZh().isBlank()) {
                return "代码或名称缺失 / a code or name is missing";
            }
            if (!seen.add(e.code())) {
                return "代码重复：" + e.code() + " / duplicate code " + e.code();
            }
        }
        return null;
    }

    private void logRun(String table, int from, int to, int entries, String result, String detail, String by, Instant at) {
        jdbc.sql("""
                INSERT INTO subcentre_parameter_sync_log (table_code, from_version, to_version, entries, result, detail,
                  synced_by, synced_at) VALUES (:t, :f, :to, :n, :r, :d, :by, :at)""")
                .param("t", table).param("f", from).param("to", to).param("n", entries).param("r", result)
                .param("d", detail).param("by", by).param("at", Timestamp.from(at)).update();
    }

    private static java.util.Optional<Set<String>> names(String tables) {
        if (tables == null || tables.isBlank() || tables.trim().equals("*")) {
            return java.util.Optional.empty();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String t : tables.split(",")) {
            if (!t.isBlank()) {
                out.add(t.trim());
            }
        }
        return java.util.Optional.of(out);
    }
}
