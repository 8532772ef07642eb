package cn.hnsw.ledger.hscode;

/** 商品编码 (HS code, 10 digits) from the tariff table kept as data. */
public record HsCode(String code, String nameZh, String nameEn, String unit) {
}
