package cn.hnsw.customs.declaration;

import java.time.Instant;

/** 申报列表查询 conditions (FP 148–153); {@code enterprise} is set from the actor's scope, never from the client alone. */
public record DeclarationSearch(String enterprise, DeclarationType type, DeclarationStatus status, String preEntryNo,
                                String billOfLadingNo, Instant from, Instant to) {
}
