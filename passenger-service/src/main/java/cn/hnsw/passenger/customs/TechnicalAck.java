package cn.hnsw.passenger.customs;

/** 技术回执 — customs' immediate answer: the message arrived and was well-formed ({@code accepted}) or not. */
public record TechnicalAck(String messageId, boolean accepted, String code, String detail) {
}
