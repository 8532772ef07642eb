package cn.hnsw.ledger.customs;

/** 技术回执 — customs took the message in ({@code RECEIVED}) or refused it ({@code REJECTED}, with a code). */
public record CustomsAck(String messageId, String status, String code) {

    public boolean received() {
        return "RECEIVED".equals(status);
    }
}
