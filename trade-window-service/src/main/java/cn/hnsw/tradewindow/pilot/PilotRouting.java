package cn.hnsw.tradewindow.pilot;

import java.util.List;

/**
 * The approvers of one application, resolved from the routing configuration when it is submitted: the region's lead
 * unit and its extra units (市县牵头单位 + 加签), its county government, the provincial countersign units and extra
 * provincial units (会签 + 加签), and the provincial government.
 */
public record PilotRouting(String regionCode, List<String> cityUnits, String countyGov,
                           List<String> provincialUnits, String provinceOrg) {

    public static final String PROVINCE_ORG = "/government/province";
}
