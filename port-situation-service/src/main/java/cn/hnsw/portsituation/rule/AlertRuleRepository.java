package cn.hnsw.portsituation.rule;

import cn.hnsw.common.events.Alert;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code alert_rule} table. Rows are compiled on the way out, so a stored rule is always a valid one. */
@Repository
public class AlertRuleRepository {

    private final JdbcTemplate jdbc;

    public AlertRuleRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static final RowMapper<AlertRule> ROW = (rs, i) -> {
        RuleScope scope = RuleScope.valueOf(rs.getString("scope"));
        return new AlertRule(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name_zh"),
                rs.getString("name_en"), scope, RuleCondition.compile(rs.getString("condition"), scope),
                rs.getString("alert_type"), Alert.Level.valueOf(rs.getString("level")),
                Duration.ofSeconds(rs.getInt("cooldown_s")), rs.getBoolean("enabled"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    };

    public List<AlertRule> findAll() {
        return jdbc.query("SELECT * FROM alert_rule ORDER BY code", ROW);
    }

    public Optional<AlertRule> find(UUID id) {
        return jdbc.query("SELECT * FROM alert_rule WHERE id = ?", ROW, id).stream().findFirst();
    }

    public boolean codeTaken(String code, UUID except) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM alert_rule WHERE code = ? AND id <> ?", Integer.class,
                code, except);
        return n != null && n > 0;
    }

    public void save(AlertRule r) {
        jdbc.update("""
                INSERT INTO alert_rule (id, code, name_zh, name_en, scope, condition, alert_type, level, cooldown_s,
                                        enabled, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, name_zh = EXCLUDED.name_zh,
                    name_en = EXCLUDED.name_en, scope = EXCLUDED.scope, condition = EXCLUDED.condition,
                    alert_type = EXCLUDED.alert_type, level = EXCLUDED.level, cooldown_s = EXCLUDED.cooldown_s,
                    enabled = EXCLUDED.enabled, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
                """, r.id(), r.code(), r.nameZh(), r.nameEn(), r.scope().name(), r.condition().text(), r.alertType(),
                r.level().name(), (int) r.cooldown().toSeconds(), r.enabled(), Timestamp.from(r.updatedAt()),
                r.updatedBy());
    }

    public boolean delete(UUID id) {
        return jdbc.update("DELETE FROM alert_rule WHERE id = ?", id) > 0;
    }
}
