package cn.hnsw.customs.declaration;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The declaration as it travels: to the Single Window (signed and encrypted), to the Haikou sub-centre, and back to
 * the screens. Field meanings: docs/customs-declaration.md.
 */
public record DeclarationDocument(
        UUID id,
        String preEntryNo,
        DeclarationType declarationType,
        DeclarationType.ImportExport importExport,
        DeclarationStatus status,
        String enterpriseUscc,
        String enterpriseName,
        String customsNo,
        UUID conversationId,
        CustomsDeclaration.DistributionStatus distributionStatus,
        int distributionCount,
        Instant createdAt,
        Instant updatedAt,
        Instant submittedAt,
        int version,
        DeclarationHeader header,
        List<DeclarationItem> items) {

    public static DeclarationDocument of(CustomsDeclaration d) {
        return new DeclarationDocument(d.id(), d.preEntryNo(), d.type(), d.importExport(), d.status(),
                d.enterpriseUscc(), d.enterpriseName(), d.customsNo(), d.conversationId(), d.distributionStatus(),
                d.distributionCount(), d.createdAt(), d.updatedAt(), d.submittedAt(), d.version(), d.header(),
                d.items());
    }
}
