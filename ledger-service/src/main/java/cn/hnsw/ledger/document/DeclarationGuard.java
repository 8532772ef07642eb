package cn.hnsw.ledger.document;

/**
 * A check another part of the ledger service makes before a document is declared (after the logic check): it throws an
 * {@link cn.hnsw.common.web.HnswException} to refuse, and changes nothing. Lets, for instance, the joint value-added
 * chain refuse a cumulative code that names an unconfirmed chain without the document engine knowing chains.
 */
public interface DeclarationGuard {

    void beforeDeclare(DeclarableDocument document);
}
