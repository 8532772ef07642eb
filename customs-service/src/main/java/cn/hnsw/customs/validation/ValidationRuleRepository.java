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
