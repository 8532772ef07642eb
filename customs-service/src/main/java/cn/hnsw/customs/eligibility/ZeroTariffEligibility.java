package cn.hnsw.customs.eligibility;

import java.util.Set;

/**
 * The zero-tariff questions the declaration system asks: does the enterprise hold the preferential qualification
 * (享惠企业资质, R1), is the commodity on the whitelist (R2), which levy natures are the direct-release ones (R4).
 * The ledger service owns this data and publishes it ({@code hnsw.ledger.zero-tariff-eligibility-changed}, consumed by
 * {@link LedgerEligibilityListener}); for an enterprise the ledger has not published, the reference tables in this
 * service's schema, maintained by operators, answer (seed and fallback).
 */
public interface ZeroTariffEligibility {

    boolean qualified(String enterpriseUscc);

    boolean whitelisted(String hsCode);

    /** The enterprise's whitelist: what the ledger published for it, else the common reference list. */
    default boolean whitelisted(String enterpriseUscc, String hsCode) {
        return whitelisted(hsCode);
    }

    Set<String> directReleaseLevyNatures();
}
