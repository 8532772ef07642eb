package cn.hnsw.customs.declaration;

import java.util.UUID;

/** One declaration's outcome in a (batch) submission. */
public record SubmissionResult(UUID declarationId, String preEntryNo, boolean submitted, String status,
                               String code, String messageZh, String messageEn) {
}
