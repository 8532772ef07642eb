package cn.hnsw.common.web;

/** One field that failed validation, with the constraint that failed and why, in Chinese and English. */
public record FieldViolation(String field, String constraint, String messageZh, String messageEn) {
}
