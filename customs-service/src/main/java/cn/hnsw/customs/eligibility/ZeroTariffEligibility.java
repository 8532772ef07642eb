package cn.hnsw.customs.eligibility;

import java.util.Set;

/**
 * The zero-tariff questions the declaration system asks: does the enterprise hold the preferential qualification
 * (享惠企业资质, R1), is the commodity on the whitelist (R2), which levy natures are the direct-release ones (R4).
 * The ledger service owns this data; until it answers, {@link ReferenceDataZeroTariffEligibility} answers from reference
 * tables in this service's schema, maintained by operators.
 */
public interface ZeroTariffEligibility {

    boolean qualified(String enterpriseUscc);

    boolean whitelisted(String hsCode);

    Set<String> directReleaseLevyNatures();
}
