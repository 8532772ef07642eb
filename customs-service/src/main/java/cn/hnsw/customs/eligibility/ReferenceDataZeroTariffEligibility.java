package cn.hnsw.customs.eligibility;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@link ZeroTariffEligibility}: the ledger's published word for an enterprise it published ({@link LedgerEligibility}),
 * else this service's reference tables ({@code preferential_enterprise_qualification}, {@code zero_tariff_whitelist_item})
 * as seed and fallback; {@code direct_release_levy_nature} is customs' own.
 */
@Component
public class ReferenceDataZeroTariffEligibility implements ZeroTariffEligibility {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final LedgerEligibility ledger;
    private final Clock clock = Clock.systemUTC();

    public ReferenceDataZeroTariffEligibility(JdbcClient jdbc, LedgerEligibility ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    @Override
    public boolean qualified(String enterpriseUscc) {
        var published = ledger.qualified(enterpriseUscc);
        if (published.isPresent()) {
            return published.get();
        }
        LocalDate today = LocalDate.now(clock.withZone(SHANGHAI));
        return jdbc.sql("""
                SELECT count(*) FROM preferential_enterprise_qualification
                WHERE enterprise_uscc = :u AND NOT revoked AND valid_from <= :d AND (valid_to IS NULL OR valid_to >= :d)""")
                .param("u", enterpriseUscc).param("d", Date.valueOf(today)).query(Long.class).single() > 0;
    }

    @Override
    public boolean whitelisted(String hsCode) {
        return jdbc.sql("SELECT count(*) FROM zero_tariff_whitelist_item WHERE hs_code = :h")
                .param("h", hsCode).query(Long.class).single() > 0;
    }

    @Override
    public boolean whitelisted(String enterpriseUscc, String hsCode) {
        return ledger.whitelisted(enterpriseUscc, hsCode).orElseGet(() -> whitelisted(hsCode));
    }

    @Override
    public Set<String> directReleaseLevyNatures() {
        return new HashSet<>(jdbc.sql("SELECT code FROM direct_release_levy_nature").query(String.class).list());
    }

    @Transactional
    public void saveQualification(EligibilityRecords.Qualification q) {
        jdbc.sql("""
                INSERT INTO preferential_enterprise_qualification (enterprise_uscc, enterprise_name, valid_from, valid_to, revoked, updated_at)
                VALUES (:u, :n, :f, :t, :r, now())
                ON CONFLICT (enterprise_uscc) DO UPDATE SET enterprise_name = :n, valid_from = :f, valid_to = :t,
                    revoked = :r, updated_at = now()""")
                .param("u", q.enterpriseUscc()).param("n", q.enterpriseName()).param("f", Date.valueOf(q.validFrom()))
                .param("t", q.validTo() == null ? null : Date.valueOf(q.validTo())).param("r", q.revoked()).update();
    }

    public List<EligibilityRecords.Qualification> qualifications() {
        return jdbc.sql("SELECT * FROM preferential_enterprise_qualification ORDER BY enterprise_uscc")
                .query((rs, n) -> new EligibilityRecords.Qualification(rs.getString("enterprise_uscc"),
                        rs.getString("enterprise_name"), rs.getDate("valid_from").toLocalDate(),
                        rs.getDate("valid_to") == null ? null : rs.getDate("valid_to").toLocalDate(),
                        rs.getBoolean("revoked")))
                .list();
    }

    @Transactional
    public void saveWhitelistItem(EligibilityRecords.WhitelistItem item) {
        jdbc.sql("""
                INSERT INTO zero_tariff_whitelist_item (hs_code, name_zh, category, updated_at) VALUES (:h, :n, :c, now())
                ON CONFLICT (hs_code) DO UPDATE SET name_zh = :n, category = :c, updated_at = now()""")
                .param("h", item.hsCode()).param("n", item.nameZh()).param("c", item.category()).update();
    }

    @Transactional
    public boolean removeWhitelistItem(String hsCode) {
        return jdbc.sql("DELETE FROM zero_tariff_whitelist_item WHERE hs_code = :h").param("h", hsCode).update() > 0;
    }

    public List<EligibilityRecords.WhitelistItem> whitelist() {
        return jdbc.sql("SELECT hs_code, name_zh, category FROM zero_tariff_whitelist_item ORDER BY hs_code")
                .query((rs, n) -> new EligibilityRecords.WhitelistItem(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    @Transactional
    public void replaceLevyNatures(List<String> codes) {
        jdbc.sql("DELETE FROM direct_release_levy_nature").update();
        for (String code : new HashSet<>(codes)) {
            jdbc.sql("INSERT INTO direct_release_levy_nature (code) VALUES (:c)").param("c", code).update();
        }
    }
}
