package cn.hnsw.common.security;

import java.util.List;

/** The realm roles of the platform (Keycloak realm {@code hnsw}), one per actor of the tender. */
public final class Roles {

    public static final String TRAVELER = "traveler";
    public static final String ENTERPRISE_DECLARANT = "enterprise-declarant";
    public static final String ENTERPRISE_ADMIN = "enterprise-admin";
    public static final String CUSTOMS_OFFICER = "customs-officer";
    public static final String CUSTOMS_REVIEWER = "customs-reviewer";
    public static final String CUSTOMS_FINANCE = "customs-finance";
    public static final String MARITIME_OFFICER = "maritime-officer";
    public static final String BORDER_OFFICER = "border-officer";
    public static final String GOV_COUNTY_UNIT = "gov-county-unit";
    public static final String GOV_COUNTY = "gov-county";
    public static final String GOV_PROVINCIAL_DEPT = "gov-provincial-dept";
    public static final String GOV_PROVINCE = "gov-province";
    public static final String SW_OPERATOR = "sw-operator";
    public static final String PLATFORM_ADMIN = "platform-admin";
    /** 低慢小航空器报送审核 — reviews low-slow-small aircraft activity reports and credit (trade window S2). */
    public static final String LOW_ALTITUDE_REVIEWER = "low-altitude-reviewer";
    /** 低慢小航空器报送主体 — a reporting subject that is not an enterprise account (trade window S2). */
    public static final String LOW_ALTITUDE_REPORTER = "low-altitude-reporter";

    public static final List<String> ALL = List.of(TRAVELER, ENTERPRISE_DECLARANT, ENTERPRISE_ADMIN, CUSTOMS_OFFICER,
            CUSTOMS_REVIEWER, CUSTOMS_FINANCE, MARITIME_OFFICER, BORDER_OFFICER, GOV_COUNTY_UNIT, GOV_COUNTY,
            GOV_PROVINCIAL_DEPT, GOV_PROVINCE, SW_OPERATOR, PLATFORM_ADMIN, LOW_ALTITUDE_REVIEWER, LOW_ALTITUDE_REPORTER);

    /** Roles whose holders act for one enterprise and see only its data. */
    public static final List<String> ENTERPRISE_ROLES = List.of(ENTERPRISE_DECLARANT, ENTERPRISE_ADMIN);

    /** Spring Security authority prefix: {@code hasRole('customs-officer')} checks {@code ROLE_customs-officer}. */
    public static final String AUTHORITY_PREFIX = "ROLE_";

    private Roles() {
    }
}
