package cn.hnsw.customs.eligibility;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The ledger's word on an enterprise's zero-tariff eligibility: its qualification and its whitelist, as last
 * published. Applying is idempotent and order-safe: a fact older than (or as old as) the one held changes nothing.
 */
@Repository
public class LedgerEligibility {

    private final JdbcClient jdbc;

    public LedgerEligibility(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One published fact. */
    public record Changed(String enterpriseUscc, boolean qualified, List<Item> whitelist, Instant occurredAt,
                          String eventId) {
    }

    /** A whitelisted commodity. */
    public record Item(String hsCode, String name) {
    }

    /** What the ledger said last. */
    public record Held(String enterpriseUscc, boolean qualified, Instant occurredAt, Instant receivedAt,
                       List<Item> whitelist) {
    }

    /** Stores {@code fact} unless a newer or equal one is held; answers whether it took effect. */
    @Transactional
    public boolean apply(Changed fact, Instant now) {
        int changed = jdbc.sql("""
                INSERT INTO ledger_zero_tariff_eligibility (enterprise_uscc, qualified, occurred_at, received_at, event_id)
                VALUES (:e, :q, :at, :now, :id)
                ON CONFLICT (enterprise_uscc) DO UPDATE SET qualified = EXCLUDED.qualified, occurred_at = EXCLUDED.occurred_at,
                  received_at = EXCLUDED.received_at, event_id = EXCLUDED.event_id
                WHERE ledger_zero_tariff_eligibility.occurred_at < EXCLUDED.occurred_at""")
                .param("e", fact.enterpriseUscc()).param("q", fact.qualified())
                .param("at", Timestamp.from(fact.occurredAt())).param("now", Timestamp.from(now))
                .param("id", fact.eventId()).update();
        if (changed == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM ledger_zero_tariff_whitelist WHERE enterprise_uscc = :e").param("e", fact.enterpriseUscc()).update();
        for (Item item : fact.whitelist()) {
            jdbc.sql("""
                    INSERT INTO ledger_zero_tariff_whitelist (enterprise_uscc, hs_code, name) VALUES (:e, :h, :n)
                    ON CONFLICT (enterprise_uscc, hs_code) DO UPDATE SET name = EXCLUDED.name""")
                    .param("e", fact.enterpriseUscc()).param("h", item.hsCode()).param("n", item.name()).update();
        }
        return true;
    }

    public Optional<Boolean> qualified(String enterpriseUscc) {
        return jdbc.sql("SELECT qualified FROM ledger_zero_tariff_eligibility WHERE enterprise_uscc = :e")
                .param("e", enterpriseUscc).query(Boolean.class).optional();
    }

    /** Empty when the ledger has published nothing for the enterprise. */
    public Optional<Boolean> whitelisted(String enterpriseUscc, String hsCode) {
        if (qualified(enterpriseUscc).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("SELECT count(*) FROM ledger_zero_tariff_whitelist WHERE enterprise_uscc = :e AND hs_code = :h")
                .param("e", enterpriseUscc).param("h", hsCode).query(Long.class).single() > 0);
    }

    public Optional<Held> held(String enterpriseUscc) {
        return jdbc.sql("SELECT * FROM ledger_zero_tariff_eligibility WHERE enterprise_uscc = :e").param("e", enterpriseUscc)
                .query((rs, n) -> new Held(rs.getString("enterprise_uscc"), rs.getBoolean("qualified"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("received_at").toInstant(),
                        jdbc.sql("SELECT hs_code, name FROM ledger_zero_tariff_whitelist WHERE enterprise_uscc = :e ORDER BY hs_code")
                                .param("e", enterpriseUscc)
                                .query((r, m) -> new Item(r.getString(1), r.getString(2))).list()))
                .optional();
    }
}
