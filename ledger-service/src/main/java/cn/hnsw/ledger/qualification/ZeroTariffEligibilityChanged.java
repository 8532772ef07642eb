package cn.hnsw.ledger.qualification;

import java.time.Instant;
import java.util.List;

/**
 * What customs' declaration system learns on {@code hnsw.ledger.zero-tariff-eligibility-changed} whenever an
 * enterprise's zero-tariff qualification or whitelist changes: the whole current state, not the difference, so the
 * latest event per enterprise (the record key) is enough.
 *
 * @param enterpriseUscc the enterprise's unified social credit code
 * @param qualified      whether it holds an active zero-tariff beneficiary-entity qualification (零关税享惠主体) today
 * @param whitelist      the goods on its whitelist (白名单)
 * @param occurredAt     when the change was made
 */
public record ZeroTariffEligibilityChanged(String enterpriseUscc, boolean qualified, List<WhitelistItem> whitelist,
                                           Instant occurredAt) {

    public record WhitelistItem(String hsCode, String name) {
    }
}
