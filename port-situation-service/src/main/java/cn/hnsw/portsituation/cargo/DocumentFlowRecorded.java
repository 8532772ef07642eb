package cn.hnsw.portsituation.cargo;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Event {@code hnsw.platform.document-flow}: a document (manifest, declaration, release) that names a container at a
 * port. The customs and trade-window services publish it; it is the 单证流 side of the match degree, and the goods a
 * manifest or declaration gives (name, HS code, packages, gross weight; all optional) are the container's cargo.
 *
 * @param kind MANIFEST, DECLARATION, RELEASE
 */
public record DocumentFlowRecorded(String documentNo, String kind, String portCode, String containerNo,
                                   Instant occurredAt, String source, String goodsNameZh, String goodsNameEn,
                                   String hsCode, Integer packages, BigDecimal grossKg) {

    public static final String TOPIC = "hnsw.platform.document-flow";

    /** A document that says nothing of the goods. */
    public DocumentFlowRecorded(String documentNo, String kind, String portCode, String containerNo,
                                Instant occurredAt, String source) {
        this(documentNo, kind, portCode, containerNo, occurredAt, source, null, null, null, null, null);
    }
}
