package cn.hnsw.ledger.document;

import java.util.Set;

/**
 * One kind of line a document type has, and what its lines must link to. {@code sourceTypes} names the document
 * types a {@link LinkTarget#DOCUMENT_LINE} link may point into. {@code scope}, when set, is the delegable business the
 * lines of this kind belong to apart from their document's (the processing ledger set-up's unit-consumption lines are
 * 成品物料单损耗, FP 1863): a delegate holding that scope may keep these lines, and only these, on the principal's document.
 */
public record LineSpec(LineKind kind, LinkTarget link, Set<String> sourceTypes, BusinessScope scope) {

    public LineSpec {
        sourceTypes = Set.copyOf(sourceTypes);
    }

    public LineSpec(LineKind kind, LinkTarget link, Set<String> sourceTypes) {
        this(kind, link, sourceTypes, null);
    }

    public static LineSpec of(LineKind kind, LinkTarget link) {
        return new LineSpec(kind, link, Set.of());
    }

    public static LineSpec fromDocuments(LineKind kind, String... sourceTypes) {
        return new LineSpec(kind, LinkTarget.DOCUMENT_LINE, Set.of(sourceTypes));
    }

    /** Lines of their own delegable business on a document of another. */
    public static LineSpec scoped(LineKind kind, LinkTarget link, BusinessScope scope) {
        return new LineSpec(kind, link, Set.of(), scope);
    }
}
