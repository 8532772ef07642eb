package cn.hnsw.simulators.ledger;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * 金关二期模拟器的逻辑检控 — the checks the Golden Customs II simulator runs on a ledger declaration before deciding.
 * Each failed check becomes a return reason (退回原因) in Chinese and English. Pure: no Spring.
 */
public final class LedgerLogicCheck {

    /** HS chapters that never enjoy zero tariff (arms and munitions): such lines are returned. */
    static final Set<String> EXCLUDED_CHAPTERS = Set.of("93");
    private static final Set<String> NEEDS_LEDGER = Set.of("LOGISTICS_ENTRY_GENERAL", "LOGISTICS_EXIT_GENERAL",
            "LOGISTICS_OUT_OF_WAREHOUSE", "LOGISTICS_EXIT_CONSOLIDATED", "PROCESSING_ENTRY_GENERAL", "PROCESSING_EXIT_GENERAL");

    private LedgerLogicCheck() {
    }

    public record Reason(String code, String messageZh, String messageEn) {
        public String text() {
            return messageZh + " / " + messageEn;
        }
    }

    public static List<Reason> check(JsonNode declaration) {
        List<Reason> reasons = new ArrayList<>();
        String type = declaration.path("documentType").asText();
        if (declaration.path("documentNo").asText().isBlank()) {
            reasons.add(new Reason("NO_DOCUMENT_NO", "缺少单证编号", "document number missing"));
        }
        if (!declaration.path("enterprise").asText().matches("[0-9A-HJ-NPQRTUWXY]{18}")) {
            reasons.add(new Reason("BAD_USCC", "经营单位统一社会信用代码无效", "the enterprise's unified social credit code is invalid"));
        }
        if (NEEDS_LEDGER.contains(type) && declaration.path("ledgerNo").asText("").isBlank()) {
            reasons.add(new Reason("NO_LEDGER", "未关联账册", "no ledger given"));
        }
        if ("JOINT_CHAIN".equals(type)) {
            reasons.addAll(jointChain(declaration));
        }
        for (JsonNode line : declaration.path("lines")) {
            String where = "第 " + line.path("lineNo").asInt() + " 行";
            String whereEn = "line " + line.path("lineNo").asInt();
            String hs = line.path("hsCode").asText("");
            if (!hs.matches("[0-9]{10}")) {
                reasons.add(new Reason("BAD_HS_CODE", where + "商品编码不是 10 位数字", whereEn + ": HS code is not 10 digits"));
            } else if (EXCLUDED_CHAPTERS.contains(hs.substring(0, 2))) {
                reasons.add(new Reason("EXCLUDED_GOODS", where + "商品编码 " + hs + " 属第 93 章武器弹药，不适用零关税政策",
                        whereEn + ": HS " + hs + " is in chapter 93 (arms and munitions), excluded from zero tariff"));
            }
            boolean cost = line.path("kind").asText().endsWith("_COST");
            BigDecimal qty = line.path("quantity").isNumber() ? line.path("quantity").decimalValue() : null;
            if (!cost && (qty == null || qty.signum() <= 0)) {
                reasons.add(new Reason("BAD_QUANTITY", where + "数量须大于 0", whereEn + ": quantity must be positive"));
            }
            if (line.path("amount").isNumber() && line.path("amount").decimalValue().signum() < 0) {
                reasons.add(new Reason("BAD_AMOUNT", where + "金额为负", whereEn + ": negative amount"));
            }
        }
        return reasons;
    }

    /**
     * 联合加工增值产业链审批: at least two enterprises in chain order, each with a valid code, none a dishonest
     * enterprise in customs' credit records (the anomaly reason names it).
     */
    static List<Reason> jointChain(JsonNode declaration) {
        List<Reason> reasons = new ArrayList<>();
        JsonNode members = declaration.path("header").path("members");
        if (!members.isArray() || members.size() < 2) {
            reasons.add(new Reason("CHAIN_TOO_SHORT", "产业链至少须有两家企业", "a chain needs at least two enterprises"));
            return reasons;
        }
        for (JsonNode m : members) {
            String uscc = m.path("enterprise").asText();
            if (!EnterpriseCreditRecords.isUscc(uscc)) {
                reasons.add(new Reason("BAD_USCC", "产业链企业 " + uscc + " 的统一社会信用代码无效",
                        "chain enterprise " + uscc + ": invalid unified social credit code"));
            } else if ("DISHONEST".equals(EnterpriseCreditRecords.grade(uscc))) {
                reasons.add(new Reason("DISHONEST_MEMBER", "产业链第 " + m.path("seq").asInt() + " 家企业 " + uscc
                        + " 为失信企业，不能参与联合加工增值", "chain enterprise " + m.path("seq").asInt() + " (" + uscc
                        + ") is a dishonest enterprise and cannot take part in joint value-added processing"));
            }
        }
        return reasons;
    }
}
