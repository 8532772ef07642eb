package cn.hnsw.ledger.qualification;

import cn.hnsw.common.events.EventTopics;
import cn.hnsw.common.events.OutboxPublisher;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.errors.LedgerErrorCode;
import cn.hnsw.ledger.hscode.HsCode;
import cn.hnsw.ledger.hscode.HsCodeTable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Qualifications (fed by the qualification application system's "application succeeded" data, FP 1876/1880/1884) and
 * the zero-tariff whitelist of each enterprise. Every change publishes, through the outbox in the same transaction,
 * the enterprise's whole eligibility on {@code hnsw.ledger.zero-tariff-eligibility-changed}, which customs'
 * declaration system reads for its zero-tariff checks (R1 qualification, R2 whitelist).
 */
@Service
public class QualificationService {

    public static final String TOPIC = EventTopics.topic("ledger", "zero-tariff-eligibility-changed");
    private static final ZoneId HAINAN = ZoneId.of("Asia/Shanghai");
    private static final String COLUMNS = "id, enterprise, enterprise_name, qualification_type, certificate_no, status, "
            + "valid_from, valid_to, granted_by, granted_at, revoked_at, revoke_reason";

    private final JdbcClient jdbc;
    private final HsCodeTable hsCodes;
    private final OutboxPublisher outbox;
    private final Clock clock;

    public QualificationService(JdbcClient jdbc, HsCodeTable hsCodes, OutboxPublisher outbox, Clock clock) {
        this.jdbc = jdbc;
        this.hsCodes = hsCodes;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record Grant(String enterprise, String enterpriseName, String type, String certificateNo, LocalDate validFrom,
                        LocalDate validTo) {
    }

    @Transactional
    public Qualification grant(Grant g, String by) {
        if (g.validTo() != null && g.validTo().isBefore(g.validFrom())) {
            throw new HnswException(LedgerErrorCode.QUALIFICATION_INVALID, "有效期止早于有效期起 / valid-to before valid-from");
        }
        if (jdbc.sql("SELECT count(*) FROM enterprise_qualification WHERE certificate_no = :c").param("c", g.certificateNo())
                .query(Long.class).single() > 0) {
            throw new HnswException(LedgerErrorCode.QUALIFICATION_INVALID, "证书编号已存在 / certificate number exists: " + g.certificateNo());
        }
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        INSERT INTO enterprise_qualification (enterprise, enterprise_name, qualification_type, certificate_no,
                            status, valid_from, valid_to, granted_by, granted_at)
                        VALUES (:e, :n, :t, :c, 'ACTIVE', :from, :to, :by, :at) RETURNING id""")
                .param("e", g.enterprise()).param("n", g.enterpriseName()).param("t", g.type()).param("c", g.certificateNo())
                .param("from", Date.valueOf(g.validFrom())).param("to", g.validTo() == null ? null : Date.valueOf(g.validTo()))
                .param("by", by).param("at", Timestamp.from(now)).query(Long.class).single();
        publish(g.enterprise(), now);
        return get(id);
    }

    @Transactional
    public Qualification revoke(long id, String reason, String by) {
        Qualification q = get(id);
        if (!"ACTIVE".equals(q.status())) {
            throw new HnswException(LedgerErrorCode.QUALIFICATION_INVALID, "资质已撤销 / already revoked: " + q.certificateNo());
        }
        Instant now = clock.instant();
        jdbc.sql("UPDATE enterprise_qualification SET status = 'REVOKED', revoked_at = :at, revoke_reason = :r WHERE id = :id")
                .param("at", Timestamp.from(now)).param("r", reason + " (" + by + ")").param("id", id).update();
        publish(q.enterprise(), now);
        return get(id);
    }

    @Transactional
    public List<ZeroTariffEligibilityChanged.WhitelistItem> addToWhitelist(String enterprise, String hsCode, String by) {
        HsCode code = hsCodes.find(hsCode).orElseThrow(() -> new HnswException(LedgerErrorCode.HS_CODE_UNKNOWN, hsCode));
        Instant now = clock.instant();
        int added = jdbc.sql("""
                        INSERT INTO enterprise_whitelist (enterprise, hs_code, name_zh, added_by, added_at)
                        VALUES (:e, :hs, :n, :by, :at) ON CONFLICT (enterprise, hs_code) DO NOTHING""")
                .param("e", enterprise).param("hs", code.code()).param("n", code.nameZh()).param("by", by)
                .param("at", Timestamp.from(now)).update();
        if (added > 0) {
            publish(enterprise, now);
        }
        return whitelist(enterprise);
    }

    @Transactional
    public List<ZeroTariffEligibilityChanged.WhitelistItem> removeFromWhitelist(String enterprise, String hsCode) {
        int removed = jdbc.sql("DELETE FROM enterprise_whitelist WHERE enterprise = :e AND hs_code = :hs")
                .param("e", enterprise).param("hs", hsCode).update();
        if (removed == 0) {
            throw new HnswException(LedgerErrorCode.QUALIFICATION_INVALID, "白名单中无此商品 / not on the whitelist: " + hsCode);
        }
        publish(enterprise, clock.instant());
        return whitelist(enterprise);
    }

    public Qualification get(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM enterprise_qualification WHERE id = :id").param("id", id)
                .query(QualificationService::map).optional()
                .orElseThrow(() -> new HnswException(LedgerErrorCode.QUALIFICATION_NOT_FOUND, id));
    }

    /** Qualifications of one enterprise, or of all where {@code enterprise} is null; newest first. */
    public List<Qualification> list(String enterprise, String type) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM enterprise_qualification
                        WHERE (CAST(:e AS varchar) IS NULL OR enterprise = :e)
                          AND (CAST(:t AS varchar) IS NULL OR qualification_type = :t)
                        ORDER BY id DESC""")
                .param("e", enterprise).param("t", type).query(QualificationService::map).list();
    }

    /** 零关税享惠主体资质企业: the enterprises whose beneficiary-entity qualification is in force today. */
    public List<Qualification> beneficiaries() {
        LocalDate today = LocalDate.now(clock.withZone(HAINAN));
        return list(null, Qualification.ZERO_TARIFF_BENEFICIARY).stream().filter(q -> q.inForce(today)).toList();
    }

    public List<ZeroTariffEligibilityChanged.WhitelistItem> whitelist(String enterprise) {
        return jdbc.sql("SELECT hs_code, name_zh FROM enterprise_whitelist WHERE enterprise = :e ORDER BY hs_code")
                .param("e", enterprise)
                .query((rs, n) -> new ZeroTariffEligibilityChanged.WhitelistItem(rs.getString(1), rs.getString(2))).list();
    }

    public boolean qualified(String enterprise) {
        LocalDate today = LocalDate.now(clock.withZone(HAINAN));
        return list(enterprise, Qualification.ZERO_TARIFF_BENEFICIARY).stream().anyMatch(q -> q.inForce(today));
    }

    private void publish(String enterprise, Instant now) {
        outbox.publish(TOPIC, "EnterpriseEligibility", enterprise, TOPIC,
                new ZeroTariffEligibilityChanged(enterprise, qualified(enterprise), whitelist(enterprise), now));
    }

    private static Qualification map(ResultSet rs, int n) throws SQLException {
        Date to = rs.getDate("valid_to");
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new Qualification(rs.getLong("id"), rs.getString("enterprise"), rs.getString("enterprise_name"),
                rs.getString("qualification_type"), rs.getString("certificate_no"), rs.getString("status"),
                rs.getDate("valid_from").toLocalDate(), to == null ? null : to.toLocalDate(), rs.getString("granted_by"),
                rs.getTimestamp("granted_at").toInstant(), revoked == null ? null : revoked.toInstant(),
                rs.getString("revoke_reason"));
    }
}
