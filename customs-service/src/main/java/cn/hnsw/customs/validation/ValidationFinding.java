package cn.hnsw.customs.validation;

/**
 * 校验失败原因 (FP 139): one rule that did not pass.
 *
 * @param itemSeq the goods item it concerns, or null for the header
 * @param field   the field it concerns, when one
 */
public record ValidationFinding(String ruleCode, CheckFamily family, Severity severity, String field, Integer itemSeq,
                                String messageZh, String messageEn) {
}
