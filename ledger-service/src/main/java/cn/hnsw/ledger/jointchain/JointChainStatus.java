package cn.hnsw.ledger.jointchain;

/** States of a joint value-added industry chain (spec §3.4, without the customs approval leg). */
public enum JointChainStatus {
    /** Declared; at least one member has not decided yet. */
    AWAITING_CONFIRMATION,
    /** Every member confirmed: cumulative codes may name the chain. */
    CONFIRMED,
    /** A member refused (with a reason); the initiator voids it or the member withdraws the refusal. */
    REFUSED,
    /** Voided by the initiator; final. */
    VOIDED
}
