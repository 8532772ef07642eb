package cn.hnsw.customs.subcenter;

import java.time.Instant;
import java.util.UUID;

/**
 * 海口数据分中心 技术回执 / 业务回执 as the sub-centre keeps them (FP 903–914, 1188–1199): parsed from the distribution,
 * issued when the platform received it, received when the sub-centre did.
 */
public record SubCentreReceipt(UUID receiptId, String kind, String status, String customsNo, String note,
                               String senderKeyId, Instant issuedAt, Instant receivedAt) {
}
