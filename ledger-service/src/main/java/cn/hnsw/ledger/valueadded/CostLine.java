package cn.hnsw.ledger.valueadded;

import java.math.BigDecimal;

/**
 * One cost line of a cumulative/confirmation code. {@code amount} is the price on the measures' basis (imported: CIF
 * incl. freight and insurance to the place of import; domestic: delivered price without VAT). For a cumulative-code
 * material, {@code materialBase} is the part of its amount that was imported or domestically purchased material
 * upstream; the rest is value added upstream in Hainan, which the chain carries forward.
 */
public record CostLine(String kind, String label, BigDecimal amount, BigDecimal materialBase, String source) {
}
