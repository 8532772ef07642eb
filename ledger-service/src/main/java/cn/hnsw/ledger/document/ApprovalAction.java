package cn.hnsw.ledger.document;

/** What else happens when customs approves a document of a type, besides its stock effect. */
public enum ApprovalAction {
    NONE,
    /** approved filings enter the commodity library (商品库) */
    ENTER_COMMODITY_LIBRARY,
    /** an approved set-up creates the ledger; it becomes active with the formal 核注 data */
    CREATE_LEDGER,
    /** an approved cancellation closes the ledger */
    CANCEL_LEDGER
}
