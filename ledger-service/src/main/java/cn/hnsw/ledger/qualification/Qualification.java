package cn.hnsw.ledger.qualification;

import java.time.Instant;
import java.time.LocalDate;

/** 企业资质 — a zero-tariff beneficiary-entity or processing value-added qualification of one enterprise. */
public record Qualification(long id, String enterprise, String enterpriseName, String type, String certificateNo,
                            String status, LocalDate validFrom, LocalDate validTo, String grantedBy, Instant grantedAt,
                            Instant revokedAt, String revokeReason) {

    public static final String ZERO_TARIFF_BENEFICIARY = "ZERO_TARIFF_BENEFICIARY";
    public static final String PROCESSING_VALUE_ADDED = "PROCESSING_VALUE_ADDED";

    /** In force on {@code day}: active and within its validity. */
    public boolean inForce(LocalDate day) {
        return "ACTIVE".equals(status) && !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
    }
}
