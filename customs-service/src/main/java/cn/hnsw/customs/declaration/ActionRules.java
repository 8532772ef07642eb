package cn.hnsw.customs.declaration;

import cn.hnsw.common.web.HnswException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 报关单复制校验规则 / 报关单删除校验规则设置 (FP 90, 103, 190): operators narrow, per declaration type, the states a
 * declaration may be copied or deleted from; copy and delete read the enabled rule. A delete rule names only states the
 * lifecycle lets a declaration be deleted from.
 */
@Service
public class ActionRules {

    public enum Action { COPY, DELETE }

    public record Rule(Action action, DeclarationType declarationType, List<DeclarationStatus> statuses, boolean enabled,
                       int version, String updatedBy, Instant updatedAt) {
    }

    public record Change(List<String> statuses, Boolean enabled) {
    }

    public record LogEntry(long id, String change, int version, String statuses, boolean enabled, String changedBy,
                           Instant changedAt) {
    }

    private final JdbcClient jdbc;

    public ActionRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Refuses {@code action} on a declaration of {@code type} in {@code status} when the enabled rule leaves it out. */
    public void check(Action action, DeclarationType type, DeclarationStatus status) {
        find(action, type).filter(Rule::enabled).ifPresent(r -> {
            if (!r.statuses().contains(status)) {
                throw new HnswException(CustomsErrorCode.ACTION_RULE_REFUSED, action == Action.COPY ? "复制" : "删除",
                        status.nameZh(), action.name().toLowerCase(), status.nameEn(),
                        action == Action.COPY ? "copied" : "deleted");
            }
        });
    }

    public Optional<Rule> find(Action action, DeclarationType type) {
        return jdbc.sql("SELECT * FROM declaration_action_rule WHERE action = :a AND declaration_type = :t")
                .param("a", action.name()).param("t", type.name())
                .query((rs, n) -> new Rule(Action.valueOf(rs.getString("action")),
                        DeclarationType.valueOf(rs.getString("declaration_type")), parse(rs.getString("statuses")),
                        rs.getBoolean("enabled"), rs.getInt("version"), rs.getString("updated_by"),
                        rs.getTimestamp("updated_at").toInstant()))
                .optional();
    }

    @Transactional(readOnly = true)
    public List<Rule> all() {
        return jdbc.sql("SELECT action, declaration_type FROM declaration_action_rule ORDER BY action, declaration_type")
                .query((rs, n) -> find(Action.valueOf(rs.getString("action")),
                        DeclarationType.valueOf(rs.getString("declaration_type"))).orElseThrow())
                .list();
    }

    @Transactional
    public Rule save(Action action, DeclarationType type, Change change, String by) {
        if (change == null || change.statuses() == null || change.statuses().isEmpty()) {
            throw new HnswException(CustomsErrorCode.ACTION_RULE_INVALID, "statuses");
        }
        Set<DeclarationStatus> statuses = EnumSet.noneOf(DeclarationStatus.class);
        for (String s : change.statuses()) {
            DeclarationStatus status;
            try {
                status = DeclarationStatus.valueOf(s.trim());
            } catch (RuntimeException e) {
                throw new HnswException(CustomsErrorCode.ACTION_RULE_INVALID, "status " + s);
            }
            if (status == DeclarationStatus.DELETED
                    || action == Action.DELETE && !status.canMoveTo(DeclarationStatus.DELETED)) {
                throw new HnswException(CustomsErrorCode.ACTION_RULE_INVALID, "status " + s);
            }
            statuses.add(status);
        }
        String joined = statuses.stream().map(Enum::name).collect(Collectors.joining(","));
        boolean enabled = change.enabled() == null || change.enabled();
        jdbc.sql("""
                INSERT INTO declaration_action_rule (action, declaration_type, statuses, enabled, updated_by)
                VALUES (:a, :t, :s, :e, :by)
                ON CONFLICT (action, declaration_type) DO UPDATE SET statuses = :s, enabled = :e,
                  version = declaration_action_rule.version + 1, updated_by = :by, updated_at = now()""")
                .param("a", action.name()).param("t", type.name()).param("s", joined).param("e", enabled)
                .param("by", by).update();
        Rule saved = find(action, type).orElseThrow();
        log(saved, "SAVED", by);
        return saved;
    }

    @Transactional
    public void delete(Action action, DeclarationType type, String by) {
        Rule current = find(action, type).orElseThrow(() -> new HnswException(CustomsErrorCode.ACTION_RULE_NOT_FOUND));
        jdbc.sql("DELETE FROM declaration_action_rule WHERE action = :a AND declaration_type = :t")
                .param("a", action.name()).param("t", type.name()).update();
        log(current, "DELETED", by);
    }

    @Transactional(readOnly = true)
    public List<LogEntry> history(Action action, DeclarationType type) {
        return jdbc.sql("""
                        SELECT * FROM declaration_action_rule_log WHERE action = :a AND declaration_type = :t ORDER BY id DESC""")
                .param("a", action.name()).param("t", type.name())
                .query((rs, n) -> new LogEntry(rs.getLong("id"), rs.getString("change"), rs.getInt("version"),
                        rs.getString("statuses"), rs.getBoolean("enabled"), rs.getString("changed_by"),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    private void log(Rule r, String change, String by) {
        jdbc.sql("""
                INSERT INTO declaration_action_rule_log (action, declaration_type, change, version, statuses, enabled,
                  changed_by) VALUES (:a, :t, :c, :v, :s, :e, :by)""")
                .param("a", r.action().name()).param("t", r.declarationType().name()).param("c", change)
                .param("v", r.version()).param("s", r.statuses().stream().map(Enum::name).collect(Collectors.joining(",")))
                .param("e", r.enabled()).param("by", by).update();
    }

    private static List<DeclarationStatus> parse(String statuses) {
        return Arrays.stream(statuses.split(",")).filter(s -> !s.isBlank()).map(DeclarationStatus::valueOf).toList();
    }
}
