package cn.hnsw.passenger.customs;

/**
 * The customs passenger-clearance system (海关智慧监管平台) as the passenger service sees it: every message (baggage
 * declarations and their modifications and deletions, tax entries, agreement receipts, error replies) leaves sealed,
 * and customs answers at once with a technical receipt; business receipts come back later, pushed to the inbox.
 */
public interface CustomsClearanceGateway {

    /**
     * @param messageType e.g. {@code BAGGAGE_DECLARATION}, {@code TAX_ENTRY}, {@code AGREEMENT_RECEIPT}, {@code ERROR_REPLY}
     * @param businessId  the id the message log files it under (declaration or tax id)
     * @param payload     the message body (a record or map, sent as JSON)
     * @throws cn.hnsw.passenger.partner.PartnerUnavailableException customs cannot take it now: send it again later
     * @throws cn.hnsw.passenger.partner.PartnerRefusedException     customs refused the envelope
     */
    TechnicalAck send(String messageType, String businessId, Object payload);

    /** The partner id of customs: the message log files under it, and only it may sign receipts. */
    String partnerId();
}
