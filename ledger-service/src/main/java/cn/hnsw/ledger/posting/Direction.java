package cn.hnsw.ledger.posting;

/** 核增 / 核减. */
public enum Direction {
    INCREASE, DECREASE
}
