package cn.hnsw.customs.exchange;

import cn.hnsw.customs.declaration.DeclarationDocument;

import java.util.List;
import java.util.UUID;

/**
 * The bodies inside the sealed envelopes (docs/customs-exchange.md). JSON, one {@code messageType} per request.
 */
public final class ExchangeMessages {

    public static final String DECLARATION = "CUSTOMS_DECLARATION";
    public static final String DISTRIBUTION = "DIRECT_RELEASE_DISTRIBUTION";
    public static final String MANIFEST_QUERY = "MANIFEST_QUERY";

    private ExchangeMessages() {
    }

    /** 申报报文 to the Single Window Standard Edition. */
    public record DeclarationMessage(String messageType, UUID conversationId, DeclarationDocument declaration) {
    }

    /** 技术回执 in the Single Window's reply: RECEIVED or REJECTED. */
    public record TechnicalReceiptBody(String receiptKind, String status, String messageId, String code, String note) {
    }

    /** 业务回执 pushed by the Single Window for customs (H2018): ACCEPTED, RELEASED or RETURNED. */
    public record BusinessReceiptBody(String receiptKind, String receiptId, UUID conversationId, String preEntryNo,
                                      String status, String customsNo, String note, List<ItemTax> taxes) {
    }

    /** 税单 line of a business receipt: duty and import VAT on one goods item, in yuan. */
    public record ItemTax(int seq, java.math.BigDecimal duty, java.math.BigDecimal vat, java.math.BigDecimal total) {
    }

    /** 数据下发 to the Haikou data sub-centre: the declaration and its receipts; supplementary = 补充下发. */
    public record DistributionMessage(String messageType, UUID conversationId, boolean supplementary,
                                      DeclarationDocument declaration, List<ReceiptView> receipts) {
    }

    /** 接收回执 of the sub-centre. */
    public record ReceptionReceiptBody(String receiptKind, String status, String preEntryNo, int receptions,
                                       List<String> cleansingIssues) {
    }

    /** 舱单查询 by bill of lading, vessel and voyage. */
    public record ManifestQuery(String messageType, String billOfLadingNo, String vesselName, String voyageNo) {
    }

    /** The manifest system's answer; {@code found} false when no manifest matches. */
    public record ManifestAnswer(boolean found, String billOfLadingNo, String vesselName, String voyageNo,
                                 String transportMode, Integer packages, java.math.BigDecimal grossWeight,
                                 String departureCountry, String portCode, String goodsDescription) {
    }
}
