package cn.hnsw.passenger.tax;

/** DUE: assessed by customs; ENTERED: the traveler confirmed the tax entry (sent to customs); AGREEMENT_SIGNED: the
 * tripartite agreement is signed; PAID: a payment channel credited it. */
public enum TaxPaymentStatus {
    DUE, ENTERED, AGREEMENT_SIGNED, PAID
}
