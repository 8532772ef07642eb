package cn.hnsw.ledger.document;

import java.math.BigDecimal;
import java.util.Map;

/**
 * 表体 — one line of a declarable document. Quantities carry their unit; money is {@code amount} in {@code currency}.
 * {@code direction} is used only by adjustment lists (INCREASE/DECREASE).
 */
public record DocumentLine(Long id, int lineNo, LineKind kind, String itemNo, String hsCode, String nameZh, String spec,
                           String unit, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount, String currency,
                           String direction, LinkTarget linkTarget, Long linkRef, Map<String, Object> extra) {

    public DocumentLine {
        extra = extra == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extra));
    }

    public DocumentLine withNo(int no) {
        return new DocumentLine(id, no, kind, itemNo, hsCode, nameZh, spec, unit, quantity, unitPrice, amount, currency,
                direction, linkTarget, linkRef, extra);
    }
}
