package cn.hnsw.customs.validation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/** The rule rows of {@code validation_rule}. */
@Repository
public class ValidationRuleRepository {

    private final JdbcClient jdbc;

    public ValidationRuleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ValidationRule> all() {
        return jdbc.sql("SELECT * FROM validation_rule ORDER BY family, code").query((rs, n) -> new ValidationRule(
                rs.getString("code"), CheckFamily.valueOf(rs.getString("family")),
                ValidationRuleKind.valueOf(rs.getString("kind")),
                ValidationRule.parseTypes(rs.getString("declaration_types")), Severity.valueOf(rs.getString("severity")),
                rs.getBoolean("enabled"), rs.getString("message_zh"), rs.getString("message_en"),
                rs.getString("parameter"), rs.getInt("version"))).list();
    }

    public Optional<ValidationRule> find(String code) {
        return all().stream().filter(r -> r.code().equals(code)).findFirst();
    }

    public void insert(ValidationRule rule, String by) {
        jdbc.sql("""
                INSERT INTO validation_rule (code, family, kind, declaration_types, severity, enabled, message_zh,
                  message_en, parameter, version, updated_by, origin)
                VALUES (:c, :f, :k, :t, :s, :e, :zh, :en, :p, 1, :by, 'ADDED')""")
                .param("c", rule.code()).param("f", rule.family().name()).param("k", rule.kind().name())
                .param("t", ValidationRule.formatTypes(rule.declarationTypes())).param("s", rule.severity().name())
                .param("e", rule.enabled()).param("zh", rule.messageZh()).param("en", rule.messageEn())
                .param("p", rule.parameter()).param("by", by).update();
    }

    public Optional<String> origin(String code) {
        return jdbc.sql("SELECT origin FROM validation_rule WHERE code = :c").param("c", code).query(String.class).optional();
    }

    public void delete(String code) {
        jdbc.sql("DELETE FROM validation_rule WHERE code = :c AND origin = 'ADDED'").param("c", code).update();
    }

    public void log(String code, String action, int version, String snapshot, String by) {
        jdbc.sql("""
                INSERT INTO validation_rule_log (code, action, version, snapshot, changed_by)
                VALUES (:c, :a, :v, :s, :by)""")
                .param("c", code).param("a", action).param("v", version).param("s", snapshot).param("by", by).update();
    }

    public List<RuleLogEntry> history(String code) {
        return jdbc.sql("SELECT * FROM validation_rule_log WHERE code = :c ORDER BY id DESC").param("c", code)
                .query((rs, n) -> new RuleLogEntry(rs.getString("code"), rs.getString("action"), rs.getInt("version"),
                        rs.getString("snapshot"), rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    /** One addition, change or deletion of a rule, with the rule as it was afterwards (JSON). */
    public record RuleLogEntry(String code, String action, int version, String snapshot, String changedBy,
                               java.time.Instant changedAt) {
    }

    public void update(ValidationRule rule, String by) {
        jdbc.sql("""
                UPDATE validation_rule SET severity = :s, enabled = :e, message_zh = :zh, message_en = :en,
                  parameter = :p, declaration_types = :t, version = version + 1, updated_at = now(), updated_by = :by
                WHERE code = :c""")
                .param("s", rule.severity().name()).param("e", rule.enabled()).param("zh", rule.messageZh())
                .param("en", rule.messageEn()).param("p", rule.parameter())
                .param("t", ValidationRule.formatTypes(rule.declarationTypes())).param("by", by)
                .param("c", rule.code()).update();
    }
}
