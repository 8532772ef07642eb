package cn.hnsw.simulators.ledger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the 金关二期 simulator answers from customs' enterprise-credit records (海关企业信用管理): the credit grade, the
 * credit-reporting information (征信信用信息), the second-line port clearance evaluation (二线口岸通关评价结果) and the
 * comprehensive credit evaluation (综合信用评价结果) of an enterprise. A few enterprises of the demo realm and of the
 * services' tests are known by name; any other valid credit code is a general-credit enterprise whose evaluation
 * figures are derived from the code, so the same code always gets the same answer. Pure: no Spring.
 */
public final class EnterpriseCreditRecords {

    /** 海南椰风国际贸易有限公司 (demo enterprise, AEO advanced certified). */
    public static final String YEFENG = "91460106MA5T8K3R0A";
    /** A simulated enterprise on the serious-dishonesty list. */
    public static final String DISHONEST = "91469027MA5TX9QJ4B";
    /** 海南洋浦测试贸易有限公司 (the ledger service's tests), advanced certified. */
    public static final String YANGPU_TRADING = "91460000MA5T8XQ21K";

    private static final Map<String, String> GRADES = Map.of(
            YEFENG, "AEO_ADVANCED",
            YANGPU_TRADING, "AEO_ADVANCED",
            DISHONEST, "DISHONEST");

    private EnterpriseCreditRecords() {
    }

    public static boolean isUscc(String value) {
        return value != null && value.matches("[0-9A-HJ-NPQRTUWXY]{18}");
    }

    public static String grade(String uscc) {
        return GRADES.getOrDefault(uscc, "GENERAL");
    }

    /** The {@code CREDIT_PROFILE} reply to a {@code CREDIT_QUERY}, or an {@code CREDIT_QUERY_REFUSED} one. */
    public static Map<String, Object> profile(String uscc) {
        Map<String, Object> r = new LinkedHashMap<>();
        if (!isUscc(uscc)) {
            r.put("messageType", "CREDIT_QUERY_REFUSED");
            r.put("code", "BAD_USCC");
            r.put("reason", "统一社会信用代码无效 / invalid unified social credit code");
            return r;
        }
        String grade = grade(uscc);
        int seed = Math.floorMod(uscc.hashCode(), 1000);
        boolean dishonest = "DISHONEST".equals(grade);
        boolean advanced = "AEO_ADVANCED".equals(grade);
        r.put("messageType", "CREDIT_PROFILE");
        r.put("enterprise", uscc);
        r.put("enterpriseName", YEFENG.equals(uscc) ? "海南椰风国际贸易有限公司"
                : dishonest ? "海南某某加工制造有限公司（模拟）" : "模拟企业 " + uscc.substring(8, 14));
        r.put("creditGrade", grade);
        r.put("registrationStatus", "存续");
        r.put("creditReport", Map.of(
                "seriousDishonesty", dishonest,
                "administrativePenalties", dishonest ? 2 : 0,
                "records", dishonest ? List.of("2025-11-02 列入严重失信主体名单（模拟数据）") : List.of(),
                "reportedOn", "2026-11-01"));
        int clearance = dishonest ? 55 : advanced ? 90 + seed % 10 : 70 + seed % 20;
        r.put("clearanceRating", Map.of(
                "period", "2026Q3",
                "score", clearance,
                "level", clearance >= 90 ? "A" : clearance >= 70 ? "B" : "C",
                "declarations", 20 + seed % 300,
                "inspectionRatePercent", dishonest ? 60 : advanced ? 1 : 3 + seed % 5));
        int comprehensive = dishonest ? 40 : advanced ? 92 + seed % 8 : 65 + seed % 25;
        r.put("comprehensiveEvaluation", Map.of(
                "evaluatedOn", "2026-10-31",
                "score", comprehensive,
                "level", comprehensive >= 90 ? "A 优秀" : comprehensive >= 60 ? "B 良好" : "D 较差"));
        r.put("source", "海关企业信用管理系统（金关二期模拟器）/ customs enterprise credit records (Golden Customs II simulator)");
        r.put("simulator", true);
        return r;
    }
}
