package cn.hnsw.simulators.window;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the data-sharing platform simulator knows about enterprises: the demo enterprises of the local realm with
 * plausible registration data, and one enterprise that is on the national serious-dishonesty list and has a Hainan
 * penalty, so the qualification prompt can be seen refusing. Any other valid credit code gets generic registration
 * data and empty lists.
 */
@Component
public class SharedDataFixtures {

    /** 海南椰风国际贸易有限公司 (demo enterprise). */
    public static final String YEFENG = "91460106MA5T8K3R0A";
    /** 海南洋浦海丝供应链有限公司 (demo enterprise). */
    public static final String HAISI = "91460400MA5TA2QX8U";
    /** A simulated enterprise with a serious-dishonesty listing and a penalty. */
    public static final String DISHONEST = "91469027MA5TX9QJ4B";

    private static final Pattern USCC = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}");

    private static final Map<String, String> NAMES = Map.of(
            YEFENG, "海南椰风国际贸易有限公司",
            HAISI, "海南洋浦海丝供应链有限公司",
            DISHONEST, "海南某某加工制造有限公司（模拟）");

    public static boolean isUscc(String value) {
        return value != null && USCC.matcher(value).matches();
    }

    /** The records of one data set, or null for an unknown data set. */
    public List<Map<String, String>> records(String uscc, String kind) {
        String name = NAMES.getOrDefault(uscc, "模拟企业 " + uscc.substring(8, 14));
        return switch (kind) {
            case "BUSINESS_REGISTRATION" -> List.of(Map.of("enterpriseName", name, "uscc", uscc,
                    "legalRepresentative", YEFENG.equals(uscc) ? "林海生" : "王建国", "registeredCapital", "5000万元人民币",
                    "establishedOn", "2019-06-18", "address", YEFENG.equals(uscc)
                            ? "海南省海口市龙华区滨海大道 105 号" : "海南省儋州市洋浦经济开发区",
                    "registrationAuthority", "海南省市场监督管理局"));
            case "CUSTOMS_REGISTRATION" -> List.of(Map.of("customsCode", "4601" + uscc.substring(12, 18),
                    "registeredCustoms", "海口海关", "businessType", "进出口货物收发货人", "validUntil", "长期"));
            case "BUSINESS_LICENCE" -> List.of(Map.of("enterpriseName", name, "uscc", uscc,
                    "scope", "货物进出口；技术进出口；食品加工；日用品销售", "validUntil", "2049-06-17"));
            case "AEO_STATUS" -> YEFENG.equals(uscc)
                    ? List.of(Map.of("creditLevel", "高级认证企业", "certifiedOn", "2023-03-01", "certificate", "AEOCN4601000123"))
                    : List.of();
            case "SERIOUS_DISHONESTY" -> DISHONEST.equals(uscc)
                    ? List.of(Map.of("listedOn", "2025-11-02", "listingAuthority", "海南省市场监督管理局",
                    "reason", "提供虚假材料骗取试点资格（模拟数据）"))
                    : List.of();
            case "HAINAN_PENALTIES_LEGAL_PERSON" -> DISHONEST.equals(uscc)
                    ? List.of(Map.of("decisionNo", "琼市监罚〔2025〕118号", "decidedOn", "2025-10-20",
                    "penalty", "罚款 20 万元（模拟数据）"))
                    : List.of();
            case "HAINAN_PENALTIES_SOCIAL" -> List.of();
            default -> null;
        };
    }
}
