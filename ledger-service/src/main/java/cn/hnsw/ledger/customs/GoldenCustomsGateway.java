package cn.hnsw.ledger.customs;

/**
 * 金关二期 — the customs partner that takes ledger filings and lists, checks them and sends receipts back. The
 * production implementation seals every message (SM2 sign + SM4 encrypt) and verifies the sealed reply.
 */
public interface GoldenCustomsGateway {

    /** Sends a declaration; returns customs' technical acknowledgement, or throws when customs cannot be reached. */
    CustomsAck declare(CustomsDeclarationMessage message);
}
