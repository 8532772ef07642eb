package cn.hnsw.portsituation.gate;

/** 审核结果 / 放行指令 — what the Single Window supervision system decides for a reported pass. */
public enum ReleaseDecision {
    /** 放行 */
    RELEASE,
    /** 查验：drive to the inspection lane */
    INSPECT,
    /** 禁止通行：hold at the gate */
    HOLD
}
