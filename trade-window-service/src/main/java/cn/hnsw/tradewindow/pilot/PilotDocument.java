package cn.hnsw.tradewindow.pilot;

import java.time.Instant;
import java.util.UUID;

/** 申报材料 — one uploaded document of an application; the file itself is in object storage under {@code objectKey}. */
public record PilotDocument(UUID id, UUID applicationId, DocumentType type, String fileName, String contentType,
                            long sizeBytes, String sm3, String objectKey, String uploadedBy, Instant uploadedAt,
                            Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
