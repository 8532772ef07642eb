package cn.hnsw.ledger.credit;

import java.time.Instant;
import java.util.Map;

/**
 * An enterprise's credit as customs keeps it (首页-我的信用, FP 1327–1329; 第三方企业社会信用信息, FP 1613): the customs
 * credit grade, the credit-reporting information (征信信用信息), the second-line port clearance evaluation result
 * (二线口岸通关评价结果) and the comprehensive credit evaluation result (综合信用评价结果), with the registration standing,
 * the source customs named, and when the platform fetched it.
 *
 * @param creditGrade AEO_ADVANCED (高级认证企业), GENERAL (一般信用企业) or DISHONEST (失信企业)
 */
public record CreditProfile(String enterprise, String enterpriseName, String creditGrade, String creditGradeZh,
                            Map<String, Object> creditReport, Map<String, Object> clearanceRating,
                            Map<String, Object> comprehensiveEvaluation, String registrationStatus, String source,
                            String messageId, Instant fetchedAt) {

    public static String gradeZh(String grade) {
        return switch (grade == null ? "" : grade) {
            case "AEO_ADVANCED" -> "高级认证企业";
            case "GENERAL" -> "一般信用企业";
            case "DISHONEST" -> "失信企业";
            default -> "未知";
        };
    }
}
