package cn.hnsw.customs.declaration;

import java.time.Instant;

/** 申报列表查询 conditions (FP 148–153; {@code hsCode}, a goods item's HS code prefix, is the query screen's 表体查询条件); {@code enterprise} is set from the actor's scope, never from the client alone. */
public record DeclarationSearch(String enterprise, DeclarationType type, DeclarationStatus status, String preEntryNo,
                                String billOfLadingNo, Instant from, Instant to, String hsCode) {

    /** Without the goods-item condition. */
    public DeclarationSearch(String enterprise, DeclarationType type, DeclarationStatus status, String preEntryNo,
                             String billOfLadingNo, Instant from, Instant to) {
        this(enterprise, type, status, preEntryNo, billOfLadingNo, from, to, null);
    }
}
