package cn.hnsw.customs.validation;

import java.util.Set;

/**
 * What the rules need to know beyond the declaration: clearance parameter codes and the zero-tariff reference data.
 * Implemented over the parameter tables and the {@code ZeroTariffEligibility} adapter.
 */
public interface ReferenceLookups {

    /** Whether {@code code} is in the current version of parameter table {@code table}. */
    boolean knownCode(String table, String code);

    /** 零关税享惠企业资质 of the enterprise today. */
    boolean qualified(String enterpriseUscc);

    /** 零关税商品白名单. */
    boolean whitelisted(String hsCode);

    /** The whitelist of one enterprise: the ledger's when it published one, else the common list. */
    default boolean whitelisted(String enterpriseUscc, String hsCode) {
        return whitelisted(hsCode);
    }

    /** The levy natures that apply to direct release; empty when none is configured. */
    Set<String> directReleaseLevyNatures();
}
