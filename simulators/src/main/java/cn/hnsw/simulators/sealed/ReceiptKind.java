package cn.hnsw.simulators.sealed;

/** 回执种类 (GLOSSARY.md §2): what a receipt answers. */
public enum ReceiptKind {
    /** 技术回执: received and well-formed; carries no decision. */
    TECHNICAL,
    /** 业务回执: the authority's decision; sent by partner-specific behaviours. */
    BUSINESS
}
