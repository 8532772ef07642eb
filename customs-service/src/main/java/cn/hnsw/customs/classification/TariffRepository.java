package cn.hnsw.customs.classification;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The tariff table and the classification operation log (FP 541, 548). */
@Repository
public class TariffRepository {

    private final JdbcClient jdbc;

    public TariffRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Changes whenever a commodity is added or changed: the classifier rebuilds its index when it differs. */
    public String signature() {
        return jdbc.sql("SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM tariff_commodity")
                .query(String.class).single();
    }

    public List<TariffCommodity> all() {
        return jdbc.sql("SELECT * FROM tariff_commodity ORDER BY hs_code").query(TariffRepository::commodity).list();
    }

    public Optional<TariffCommodity> find(String hsCode) {
        return jdbc.sql("SELECT * FROM tariff_commodity WHERE hs_code = :c").param("c", hsCode)
                .query(TariffRepository::commodity).optional();
    }

    public List<TariffCommodity> search(String q, int limit, int offset) {
        return jdbc.sql("""
                SELECT * FROM tariff_commodity
                WHERE CAST(:q AS varchar) IS NULL OR hs_code LIKE :prefix OR name_zh LIKE :like OR aliases LIKE :like OR lower(name_en) LIKE lower(:like)
                ORDER BY hs_code LIMIT :limit OFFSET :offset""")
                .param("q", q).param("prefix", q + "%").param("like", "%" + q + "%")
                .param("limit", limit).param("offset", offset).query(TariffRepository::commodity).list();
    }

    public long count(String q) {
        return jdbc.sql("""
                SELECT count(*) FROM tariff_commodity
                WHERE CAST(:q AS varchar) IS NULL OR hs_code LIKE :prefix OR name_zh LIKE :like OR aliases LIKE :like OR lower(name_en) LIKE lower(:like)""")
                .param("q", q).param("prefix", q + "%").param("like", "%" + q + "%").query(Long.class).single();
    }

    public void upsert(String hsCode, TariffCommodity.Change change, String actor, Instant now) {
        jdbc.sql("""
                INSERT INTO tariff_commodity (hs_code, name_zh, name_en, aliases, legal_unit, updated_at, updated_by)
                VALUES (:c, :zh, :en, :aliases, :unit, :now, :by)
                ON CONFLICT (hs_code) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en,
                    aliases = EXCLUDED.aliases, legal_unit = EXCLUDED.legal_unit, updated_at = EXCLUDED.updated_at,
                    updated_by = EXCLUDED.updated_by""")
                .param("c", hsCode).param("zh", change.nameZh()).param("en", change.nameEn())
                .param("aliases", change.aliases()).param("unit", change.legalUnit())
                .param("now", Timestamp.from(now)).param("by", actor).update();
    }

    /** One line of the classification operation log. */
    public record LogEntry(UUID id, String kind, String enterpriseUscc, String actor, String goodsName,
                           String declaredHs, String suggestedHs, String verdict, UUID declarationId, Instant createdAt) {
    }

    public void log(LogEntry e) {
        jdbc.sql("""
                INSERT INTO classification_log (id, kind, enterprise_uscc, actor, goods_name, declared_hs, suggested_hs,
                    verdict, declaration_id, created_at)
                VALUES (:id, :kind, :e, :actor, :name, :declared, :suggested, :verdict, :d, :at)""")
                .param("id", e.id()).param("kind", e.kind()).param("e", e.enterpriseUscc()).param("actor", e.actor())
                .param("name", e.goodsName().length() > 500 ? e.goodsName().substring(0, 500) : e.goodsName())
                .param("declared", e.declaredHs()).param("suggested", e.suggestedHs()).param("verdict", e.verdict())
                .param("d", e.declarationId()).param("at", Timestamp.from(e.createdAt())).update();
    }

    /** The log, newest first; {@code enterprise} null for every enterprise's. */
    public List<LogEntry> logs(String enterprise, int limit, int offset) {
        return jdbc.sql("""
                SELECT * FROM classification_log WHERE CAST(:e AS varchar) IS NULL OR enterprise_uscc = :e
                ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset""")
                .param("e", enterprise).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new LogEntry(rs.getObject("id", UUID.class), rs.getString("kind"),
                        rs.getString("enterprise_uscc"), rs.getString("actor"), rs.getString("goods_name"),
                        rs.getString("declared_hs"), rs.getString("suggested_hs"), rs.getString("verdict"),
                        rs.getObject("declaration_id", UUID.class), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    public long logCount(String enterprise) {
        return jdbc.sql("SELECT count(*) FROM classification_log WHERE CAST(:e AS varchar) IS NULL OR enterprise_uscc = :e")
                .param("e", enterprise).query(Long.class).single();
    }

    private static TariffCommodity commodity(ResultSet rs, int n) throws SQLException {
        return new TariffCommodity(rs.getString("hs_code"), rs.getString("name_zh"), rs.getString("name_en"),
                rs.getString("aliases"), rs.getString("legal_unit"), rs.getTimestamp("updated_at").toInstant(),
                rs.getString("updated_by"));
    }
}
