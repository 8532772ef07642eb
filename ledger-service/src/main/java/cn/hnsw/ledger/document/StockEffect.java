package cn.hnsw.ledger.document;

/** What an approved document does to ledger stock (核增 / 核减). */
public enum StockEffect {
    NONE,
    /** 核增 */
    INCREASE,
    /** 核减 */
    DECREASE,
    /** 调账: each line says its own direction */
    PER_LINE
}
