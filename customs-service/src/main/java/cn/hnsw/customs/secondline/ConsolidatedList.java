package cn.hnsw.customs.secondline;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * 汇总核注清单 of 集中申报 ("分批出岛、集中申报"): the distribution lists of one enterprise (and ledger) for one month,
 * summed by commodity; declared through the Single Window for approval, then the consolidated declaration follows.
 */
public record ConsolidatedList(UUID id, String consolidatedNo, String enterpriseUscc, String ledgerNo, String period,
                               Status status, UUID conversationId, String approvalNo, String note, UUID declarationId,
                               Instant createdAt, Instant submittedAt, Instant decidedAt, List<Item> items,
                               List<String> sourceLists) {

    /** DRAFT → SUBMITTED → SW_ACCEPTED → APPROVED | REJECTED; APPROVED → DECLARED; FAILED when it could not be sent. */
    public enum Status { DRAFT, SUBMITTED, SW_ACCEPTED, APPROVED, REJECTED, DECLARED, FAILED }

    /** One summed commodity line; {@code sourceLists} how many lists it came from. */
    public record Item(int seq, String hsCode, String name, String unit, BigDecimal quantity, BigDecimal legalQuantity,
                       String legalUnit, BigDecimal totalPrice, String currency, String originCountry, int sourceLists) {
    }
}
