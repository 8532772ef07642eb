package cn.hnsw.ledger.document;

/** 商品库 — an approved filing of the enterprise, which ledger set-ups and entry lists link their lines to. */
public record Commodity(long id, String enterprise, String itemNo, String itemKind, String hsCode, String nameZh,
                        String spec, String unit, long filingDocumentId) {
}
