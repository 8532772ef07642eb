package cn.hnsw.ledger.document;

import java.util.Set;

/**
 * One kind of line a document type has, and what its lines must link to. {@code sourceTypes} names the document
 * types a {@link LinkTarget#DOCUMENT_LINE} link may point into.
 */
public record LineSpec(LineKind kind, LinkTarget link, Set<String> sourceTypes) {

    public LineSpec {
        sourceTypes = Set.copyOf(sourceTypes);
    }

    public static LineSpec of(LineKind kind, LinkTarget link) {
        return new LineSpec(kind, link, Set.of());
    }

    public static LineSpec fromDocuments(LineKind kind, String... sourceTypes) {
        return new LineSpec(kind, LinkTarget.DOCUMENT_LINE, Set.of(sourceTypes));
    }
}
