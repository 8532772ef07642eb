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
                           int version, Instant updatedAt, String updatedBy) {
    }

    /** 核扣规则 of one list type. */
    public record WriteOffRule(String listType, String basis, String moment, boolean allowPartial, boolean enabled,
                               String descriptionZh, String descriptionEn, int version, Instant updatedAt,
                               String updatedBy) {
    }

    /** 核注清单校验规则. */
    public record ListCheck(String code, String family, boolean enabled, String messageZh, String messageEn,
                            String parameter, int version, Instant updatedAt, String updatedBy) {
    }

    public List<FillRule> fillRules() {
        return jdbc.sql("SELECT * FROM verification_list_fill_rule ORDER BY scope DESC, sort, id")
                .query((rs, n) -> new FillRule(rs.getString("id"), rs.getString("scope"), rs.getString("target_field"),
                        rs.getString("source_field"), rs.getString("constant"), rs.getBoolean("only_if_blank"),
                        rs.getBoolean("enabled"), rs.getInt("sort"), rs.getString("description_zh"),
                        rs.getString("description_en"), rs.getInt("version"), rs.getTimestamp("updated_at").toInstant(),
                        rs.getString("updated_by")))
                .list();
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
                        rs.getInt("version"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by")))
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
