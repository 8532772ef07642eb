package cn.hnsw.customs.secondline;

import cn.hnsw.common.web.HnswException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The second line's configurable rules as data (FP 263–269, 281–287): fill rules (list → declaration header/body),
 * write-off rules per list type, and the switchable list checks with their messages.
 */
@Repository
public class SecondLineRules {

    private final JdbcClient jdbc;

    public SecondLineRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** 表头/表体填充规则: {@code target} ← list field {@code source}, or {@code constant}. */
    public record FillRule(String id, String scope, String targetField, String sourceField, String constant,
                           boolean onlyIfBlank, boolean enabled, int sort, String descriptionZh, String descriptionEn,
                           int version, Instant updatedAt, String updatedBy, String origin) {
        public FillRule(String id, String scope, String targetField, String sourceField, String constant,
                        boolean onlyIfBlank, boolean enabled, int sort, String descriptionZh, String descriptionEn,
                        int version, Instant updatedAt, String updatedBy) {
            this(id, scope, targetField, sourceField, constant, onlyIfBlank, enabled, sort, descriptionZh,
                    descriptionEn, version, updatedAt, updatedBy, SEEDED);
        }
    }

    public static final String SEEDED = "SEEDED";
    public static final String ADDED = "ADDED";

    /** 核扣规则 of one list type. */
    public record WriteOffRule(String listType, String basis, String moment, boolean allowPartial, boolean enabled,
                               String descriptionZh, String descriptionEn, int version, Instant updatedAt,
                               String updatedBy) {
    }

    /** 核注清单校验规则. */
    public record ListCheck(String code, String family, boolean enabled, String messageZh, String messageEn,
                            String parameter, int version, Instant updatedAt, String updatedBy, String kind,
                            String origin) {
        /** A seeded check: its kind is its code. */
        public ListCheck(String code, String family, boolean enabled, String messageZh, String messageEn,
                         String parameter, int version, Instant updatedAt, String updatedBy) {
            this(code, family, enabled, messageZh, messageEn, parameter, version, updatedAt, updatedBy, code, SEEDED);
        }
    }

    /** One entry of a rule's log: what was done, the version it made, the rule as it was afterwards. */
    public record LogEntry(long id, String family, String key, String action, int version, String snapshot,
                           String changedBy, Instant changedAt) {
    }

    public List<FillRule> fillRules() {
        return jdbc.sql("SELECT * FROM verification_list_fill_rule ORDER BY scope DESC, sort, id")
                .query((rs, n) -> new FillRule(rs.getString("id"), rs.getString("scope"), rs.getString("target_field"),
                        rs.getString("source_field"), rs.getString("constant"), rs.getBoolean("only_if_blank"),
                        rs.getBoolean("enabled"), rs.getInt("sort"), rs.getString("description_zh"),
                        rs.getString("description_en"), rs.getInt("version"), rs.getTimestamp("updated_at").toInstant(),
                        rs.getString("updated_by"), rs.getString("origin")))
                .list();
    }

    public Optional<FillRule> fillRule(String id) {
        return fillRules().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** 调取规则查询 with conditions and paging: scope, enabled, and a word of the id, target or description. */
    public List<FillRule> fillRules(String scope, Boolean enabled, String q, long offset, int limit) {
        return fillRules().stream().filter(r -> fillMatches(r, scope, enabled, q)).skip(offset).limit(limit).toList();
    }

    public long countFillRules(String scope, Boolean enabled, String q) {
        return fillRules().stream().filter(r -> fillMatches(r, scope, enabled, q)).count();
    }

    private static boolean fillMatches(FillRule r, String scope, Boolean enabled, String q) {
        return (scope == null || scope.equals(r.scope())) && (enabled == null || enabled == r.enabled())
                && (q == null || q.isBlank() || r.id().contains(q.trim()) || r.targetField().contains(q.trim())
                || r.descriptionZh().contains(q.trim()) || r.descriptionEn().toLowerCase().contains(q.trim().toLowerCase()));
    }

    public void insertFillRule(FillRule r, String by) {
        jdbc.sql("""
                INSERT INTO verification_list_fill_rule (id, scope, target_field, source_field, constant, only_if_blank,
                  enabled, sort, description_zh, description_en, updated_by, origin)
                VALUES (:id, :scope, :target, :source, :constant, :blank, :enabled, :sort, :dzh, :den, :by, 'ADDED')""")
                .param("id", r.id()).param("scope", r.scope()).param("target", r.targetField())
                .param("source", r.sourceField()).param("constant", r.constant()).param("blank", r.onlyIfBlank())
                .param("enabled", r.enabled()).param("sort", r.sort()).param("dzh", r.descriptionZh())
                .param("den", r.descriptionEn()).param("by", by).update();
    }

    public void setFillRuleEnabled(String id, boolean enabled, String by) {
        jdbc.sql("""
                UPDATE verification_list_fill_rule SET enabled = :e, version = version + 1, updated_at = now(),
                  updated_by = :by WHERE id = :id""").param("id", id).param("e", enabled).param("by", by).update();
    }

    public void deleteFillRule(String id) {
        jdbc.sql("DELETE FROM verification_list_fill_rule WHERE id = :id").param("id", id).update();
    }

    public void saveFillRule(FillRule r, String by) {
        jdbc.sql("""
                INSERT INTO verification_list_fill_rule (id, scope, target_field, source_field, constant, only_if_blank,
                  enabled, sort, description_zh, description_en, updated_by)
                VALUES (:id, :scope, :target, :source, :constant, :blank, :enabled, :sort, :dzh, :den, :by)
                ON CONFLICT (id) DO UPDATE SET scope = :scope, target_field = :target, source_field = :source,
                  constant = :constant, only_if_blank = :blank, enabled = :enabled, sort = :sort, description_zh = :dzh,
                  description_en = :den, version = verification_list_fill_rule.version + 1, updated_at = now(), updated_by = :by""")
                .param("id", r.id()).param("scope", r.scope()).param("target", r.targetField())
                .param("source", r.sourceField()).param("constant", r.constant()).param("blank", r.onlyIfBlank())
                .param("enabled", r.enabled()).param("sort", r.sort()).param("dzh", r.descriptionZh())
                .param("den", r.descriptionEn()).param("by", by).update();
    }

    public List<WriteOffRule> writeOffRules() {
        return jdbc.sql("SELECT * FROM verification_list_write_off_rule ORDER BY list_type")
                .query((rs, n) -> new WriteOffRule(rs.getString("list_type"), rs.getString("basis"),
                        rs.getString("moment"), rs.getBoolean("allow_partial"), rs.getBoolean("enabled"),
                        rs.getString("description_zh"), rs.getString("description_en"), rs.getInt("version"),
                        rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by")))
                .list();
    }

    public Optional<WriteOffRule> writeOffRule(String listType) {
        return writeOffRules().stream().filter(r -> r.listType().equals(listType) && r.enabled()).findFirst();
    }

    public WriteOffRule changeWriteOffRule(String listType, String basis, String moment, boolean allowPartial,
                                           boolean enabled, String by) {
        int changed = jdbc.sql("""
                UPDATE verification_list_write_off_rule SET basis = :b, moment = :m, allow_partial = :p, enabled = :e,
                  version = version + 1, updated_at = now(), updated_by = :by WHERE list_type = :t""")
                .param("t", listType).param("b", basis).param("m", moment).param("p", allowPartial).param("e", enabled)
                .param("by", by).update();
        if (changed == 0) {
            throw new HnswException(SecondLineErrorCode.WRITE_OFF_RULE_NOT_FOUND, listType);
        }
        return writeOffRules().stream().filter(r -> r.listType().equals(listType)).findFirst().orElseThrow();
    }

    public List<ListCheck> checks() {
        return jdbc.sql("SELECT * FROM verification_list_check ORDER BY family, code")
                .query((rs, n) -> new ListCheck(rs.getString("code"), rs.getString("family"), rs.getBoolean("enabled"),
                        rs.getString("message_zh"), rs.getString("message_en"), rs.getString("parameter"),
                        rs.getInt("version"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"),
                        rs.getString("kind"), rs.getString("origin")))
                .list();
    }

    public Optional<ListCheck> check(String code) {
        return checks().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public List<ListCheck> checks(String family, Boolean enabled, String q, long offset, int limit) {
        return checks().stream().filter(c -> checkMatches(c, family, enabled, q)).skip(offset).limit(limit).toList();
    }

    public long countChecks(String family, Boolean enabled, String q) {
        return checks().stream().filter(c -> checkMatches(c, family, enabled, q)).count();
    }

    private static boolean checkMatches(ListCheck c, String family, Boolean enabled, String q) {
        return (family == null || family.equals(c.family())) && (enabled == null || enabled == c.enabled())
                && (q == null || q.isBlank() || c.code().contains(q.trim()) || c.messageZh().contains(q.trim())
                || c.messageEn().toLowerCase().contains(q.trim().toLowerCase()));
    }

    public void insertCheck(ListCheck c, String by) {
        jdbc.sql("""
                INSERT INTO verification_list_check (code, family, enabled, message_zh, message_en, parameter, updated_by,
                  kind, origin) VALUES (:c, :f, :e, :zh, :en, :p, :by, :k, 'ADDED')""")
                .param("c", c.code()).param("f", c.family()).param("e", c.enabled()).param("zh", c.messageZh())
                .param("en", c.messageEn()).param("p", c.parameter()).param("by", by).param("k", c.kind()).update();
    }

    public void updateCheckMessages(String code, String messageZh, String messageEn) {
        jdbc.sql("UPDATE verification_list_check SET message_zh = :zh, message_en = :en WHERE code = :c")
                .param("c", code).param("zh", messageZh).param("en", messageEn).update();
    }

    public void deleteCheck(String code) {
        jdbc.sql("DELETE FROM verification_list_check WHERE code = :c").param("c", code).update();
    }

    public void log(String family, String key, String action, int version, String snapshot, String by) {
        jdbc.sql("""
                INSERT INTO second_line_rule_log (rule_family, rule_key, action, version, snapshot, changed_by)
                VALUES (:f, :k, :a, :v, :s, :by)""")
                .param("f", family).param("k", key).param("a", action).param("v", version).param("s", snapshot)
                .param("by", by).update();
    }

    public List<LogEntry> history(String family, String key) {
        return jdbc.sql("SELECT * FROM second_line_rule_log WHERE rule_family = :f AND rule_key = :k ORDER BY id DESC")
                .param("f", family).param("k", key)
                .query((rs, n) -> new LogEntry(rs.getLong("id"), rs.getString("rule_family"), rs.getString("rule_key"),
                        rs.getString("action"), rs.getInt("version"), rs.getString("snapshot"),
                        rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    public ListCheck changeCheck(String code, boolean enabled, String parameter, String by) {
        int changed = jdbc.sql("""
                UPDATE verification_list_check SET enabled = :e, parameter = COALESCE(:p, parameter), version = version + 1,
                  updated_at = now(), updated_by = :by WHERE code = :c""")
                .param("c", code).param("e", enabled).param("p", parameter).param("by", by).update();
        if (changed == 0) {
            throw new HnswException(SecondLineErrorCode.CHECK_NOT_FOUND, code);
        }
        return checks().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }
}
