package cn.hnsw.passenger.tax;

import cn.hnsw.common.web.HnswException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** 线上缴税 — the duty customs assessed on one declaration, and how far the traveler has got paying it. */
public class TaxPayment {

    private final UUID id;
    private final String taxNo;
    private final UUID declarationId;
    private final String travelerId;
    private final String port;
    private final List<TaxLine> lines;
    private final BigDecimal total;
    private final Instant assessedAt;
    private TaxPaymentStatus status;
    private Instant enteredAt;
    private Instant paidAt;
    private String paidChannel;

    TaxPayment(UUID id, String taxNo, UUID declarationId, String travelerId, String port, List<TaxLine> lines,
               BigDecimal total, Instant assessedAt, TaxPaymentStatus status, Instant enteredAt, Instant paidAt,
               String paidChannel) {
        this.id = id;
        this.taxNo = taxNo;
        this.declarationId = declarationId;
        this.travelerId = travelerId;
        this.port = port;
        this.lines = List.copyOf(lines);
        this.total = total;
        this.assessedAt = assessedAt;
        this.status = status;
        this.enteredAt = enteredAt;
        this.paidAt = paidAt;
        this.paidChannel = paidChannel;
    }

    static TaxPayment assess(String taxNo, UUID declarationId, String travelerId, String port, List<TaxLine> lines,
                             BigDecimal total, Instant now) {
        return new TaxPayment(UUID.randomUUID(), taxNo, declarationId, travelerId, port, lines, total, now,
                TaxPaymentStatus.DUE, null, null, null);
    }

    /** 线上缴税录入: the traveler confirms the assessed amount; refused for any other amount. */
    void enter(BigDecimal confirmedTotal, Instant now) {
        require(status == TaxPaymentStatus.DUE || status == TaxPaymentStatus.ENTERED);
        if (confirmedTotal == null || confirmedTotal.compareTo(total) != 0) {
            throw new HnswException(TaxErrorCode.TAX_ENTRY_MISMATCH, confirmedTotal, total);
        }
        status = TaxPaymentStatus.ENTERED;
        enteredAt = now;
    }

    void agreementSigned() {
        require(status == TaxPaymentStatus.ENTERED);
        status = TaxPaymentStatus.AGREEMENT_SIGNED;
    }

    /** Credits the payment once; false when it was already paid (a second notification never credits again). */
    boolean credit(String channel, Instant now) {
        if (status == TaxPaymentStatus.PAID) {
            return false;
        }
        require(status == TaxPaymentStatus.AGREEMENT_SIGNED);
        status = TaxPaymentStatus.PAID;
        paidAt = now;
        paidChannel = channel;
        return true;
    }

    void requirePayable() {
        require(status == TaxPaymentStatus.AGREEMENT_SIGNED);
    }

    private void require(boolean allowed) {
        if (!allowed) {
            throw new HnswException(TaxErrorCode.TAX_STATE, status);
        }
    }

    public UUID id() { return id; }
    public String taxNo() { return taxNo; }
    public UUID declarationId() { return declarationId; }
    public String travelerId() { return travelerId; }
    public String port() { return port; }
    public List<TaxLine> lines() { return lines; }
    public BigDecimal total() { return total; }
    public Instant assessedAt() { return assessedAt; }
    public TaxPaymentStatus status() { return status; }
    public Instant enteredAt() { return enteredAt; }
    public Instant paidAt() { return paidAt; }
    public String paidChannel() { return paidChannel; }
}
