package cn.hnsw.portsituation.cargo;

import java.time.Instant;

/**
 * Event {@code hnsw.platform.document-flow}: a document (manifest, declaration, release) that names a container at a
 * port. The customs and trade-window services publish it; it is the 单证流 side of the match degree.
 *
 * @param kind MANIFEST, DECLARATION, RELEASE
 */
public record DocumentFlowRecorded(String documentNo, String kind, String portCode, String containerNo,
                                   Instant occurredAt, String source) {

    public static final String TOPIC = "hnsw.platform.document-flow";
}
