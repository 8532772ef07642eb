package cn.hnsw.ledger.jointchain;

import java.time.Instant;
import java.util.List;

/**
 * 联合加工增值产业链 — a chain of enterprises, in chain order, that process goods together; value added accumulates
 * along it (cumulative codes). Declared by one enterprise, confirmed or refused by each of the others.
 */
public record JointChain(long id, String chainNo, String initiator, String name, String productHsCode,
                         String productName, JointChainStatus status, String createdBy, Instant createdAt,
                         Instant updatedAt, List<Member> members, CustomsStatus customsStatus, String anomalyReason,
                         int approvalRound, String copiedFrom) {

    /** One enterprise of the chain, at its place in the chain order (产业链次序, 1 = first). */
    public record Member(int seq, String enterprise, String enterpriseName, String step, boolean initiator,
                         MemberStatus status, String reason, String decidedBy, Instant decidedAt,
                         String creditGrade, String creditGradeZh, String registrationStatus, Instant creditFetchedAt) {
    }

    public enum MemberStatus { PENDING, CONFIRMED, REFUSED }

    /**
     * The customs approval leg (spec §3.4): NOT_SENT → PENDING_APPROVAL (sent, 1618) → APPROVED or ANOMALY (the approval
     * receipt, 1619; the anomaly reason 1626); a change after approval (1627) starts it again.
     */
    public enum CustomsStatus { NOT_SENT, PENDING_APPROVAL, APPROVED, ANOMALY }

    public boolean hasMember(String enterprise) {
        return members.stream().anyMatch(m -> m.enterprise().equals(enterprise));
    }

    /** The chain's status as its members' decisions make it (a void chain stays void). */
    static JointChainStatus statusOf(List<Member> members) {
        if (members.stream().anyMatch(m -> m.status() == MemberStatus.REFUSED)) {
            return JointChainStatus.REFUSED;
        }
        return members.stream().allMatch(m -> m.status() == MemberStatus.CONFIRMED)
                ? JointChainStatus.CONFIRMED : JointChainStatus.AWAITING_CONFIRMATION;
    }
}
