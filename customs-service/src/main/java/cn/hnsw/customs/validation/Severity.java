package cn.hnsw.customs.validation;

/** ERROR refuses the declaration; WARNING asks the declarant to confirm (R4) and never blocks. */
public enum Severity { ERROR, WARNING }
