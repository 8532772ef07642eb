package cn.hnsw.customs.declaration;

import java.time.Instant;
import java.util.UUID;

/** A row of the declaration list (FP 148–153). */
public record DeclarationSummary(UUID id, String preEntryNo, DeclarationType declarationType, DeclarationStatus status,
                                 String enterpriseUscc, String customsNo, String billOfLadingNo, String supervisionMode,
                                 String distributionStatus, Instant createdAt, Instant submittedAt) {

    public static DeclarationSummary of(CustomsDeclaration d) {
        return new DeclarationSummary(d.id(), d.preEntryNo(), d.type(), d.status(), d.enterpriseUscc(), d.customsNo(),
                d.header().billOfLadingNo(), d.header().supervisionMode(), d.distributionStatus().name(),
                d.createdAt(), d.submittedAt());
    }
}
