package cn.hnsw.tradewindow.pilot;

import cn.hnsw.common.security.Roles;

import java.util.EnumSet;
import java.util.Set;

/**
 * The user tasks of the two BPMN processes (processes/*.bpmn20.xml), the realm role that acts at each, and the
 * decisions allowed there. The task definition key in Flowable is {@link #name()}.
 */
public enum ApprovalStep {
    cityUnitReview(Roles.GOV_COUNTY_UNIT, "市县单位审核", "City/county unit review", true, 1),
    countyGovForward(Roles.GOV_COUNTY, "市县政府报送", "City/county government forwarding", false, 2),
    provincialDeptReview(Roles.GOV_PROVINCIAL_DEPT, "省厅单位复核", "Provincial department re-review", true, 3),
    provinceApproval(Roles.GOV_PROVINCE, "省政府批复", "Provincial government approval", false, 4),
    enterpriseCorrection(null, "企业补正", "Correction by the enterprise", false, 0),
    terminationCountyGov(Roles.GOV_COUNTY, "市县政府提报意见", "County government submission", false, 2),
    terminationProvincialDept(Roles.GOV_PROVINCIAL_DEPT, "省级单位复核意见", "Provincial unit re-review", true, 3),
    terminationProvince(Roles.GOV_PROVINCE, "省政府批复意见", "Provincial government approval", false, 4);

    private final String role;
    private final String nameZh;
    private final String nameEn;
    private final boolean acceptsExtraApprovers;
    private final int level;

    ApprovalStep(String role, String nameZh, String nameEn, boolean acceptsExtraApprovers, int level) {
        this.role = role;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.acceptsExtraApprovers = acceptsExtraApprovers;
        this.level = level;
    }

    /** The realm role that acts at this step; null for the enterprise's own correction step. */
    public String role() {
        return role;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    /** 加签 is possible where the step is one task offered to several units (city/county and provincial reviews). */
    public boolean acceptsExtraApprovers() {
        return acceptsExtraApprovers;
    }

    /** 1 = city/county unit … 4 = provincial government; 0 = enterprise. */
    public int level() {
        return level;
    }

    public boolean isTermination() {
        return name().startsWith("termination");
    }

    public Set<Decision> allowedDecisions() {
        if (this == enterpriseCorrection) {
            return EnumSet.of(Decision.APPROVE);
        }
        return isTermination() ? EnumSet.of(Decision.APPROVE, Decision.REJECT)
                : EnumSet.of(Decision.APPROVE, Decision.RETURN, Decision.REJECT);
    }

    public static ApprovalStep of(String taskDefinitionKey) {
        return valueOf(taskDefinitionKey);
    }

    /** 审批结论: agree and pass on, return to the enterprise for correction, or refuse. */
    public enum Decision {
        APPROVE, RETURN, REJECT
    }
}
