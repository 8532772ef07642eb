package cn.hnsw.passenger.guide;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** 相关指引 — a policy, regulation or procedure guide, linked to the article categories it concerns. */
public record Guide(UUID id, String titleZh, String titleEn, String bodyZh, String bodyEn, List<String> categories,
                    boolean published, String createdBy, Instant createdAt, Instant updatedAt,
                    List<Attachment> attachments) {

    /** A file of the guide (a manual, a form) kept in object storage. */
    public record Attachment(UUID id, String fileName, String contentType, long sizeBytes, Instant uploadedAt) {
    }
}
