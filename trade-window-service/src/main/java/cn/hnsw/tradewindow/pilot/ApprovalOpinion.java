package cn.hnsw.tradewindow.pilot;

import cn.hnsw.common.crypto.Sm3;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * 审批意见 — one act in a case, kept for good: an opinion with its decision, or a submission, a correction, an added
 * approver. {@link #recordHash()} is the SM3 of {@link #canonical()}; it is anchored in the audit hash chain, so any
 * later change of the row is found.
 */
public record ApprovalOpinion(UUID id, String caseKind, UUID caseId, UUID applicationId, String step, String taskId,
                              String unitOrg, String actorId, String actorName, String decision, String opinion,
                              Instant createdAt, String recordHash, long auditSeq) {

    /** The fields in a fixed order, unit-separated, as hashed. */
    public String canonical() {
        return String.join("\u001f", caseKind, caseId.toString(), applicationId.toString(), step,
                nullToEmpty(taskId), nullToEmpty(unitOrg), actorId, actorName, decision, opinion,
                createdAt.toString());
    }

    public String computeHash() {
        return HexFormat.of().formatHex(Sm3.digest(canonical().getBytes(StandardCharsets.UTF_8)));
    }

    ApprovalOpinion withAnchor(String hash, long seq) {
        return new ApprovalOpinion(id, caseKind, caseId, applicationId, step, taskId, unitOrg, actorId, actorName,
                decision, opinion, createdAt, hash, seq);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
