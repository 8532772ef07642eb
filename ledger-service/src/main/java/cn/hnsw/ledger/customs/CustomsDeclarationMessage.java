package cn.hnsw.ledger.customs;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * 申报报文 to 金关二期 (the payload inside the sealed envelope; schema in docs/ledger-customs-messages.md).
 * {@code messageType} is {@value #TYPE}; {@code replyTo} is the platform's receipt inbox.
 */
public record CustomsDeclarationMessage(String messageType, String documentNo, String documentType, String enterprise,
                                        int changeRound, String ledgerNo, Map<String, Object> header, List<Line> lines,
                                        Map<String, Object> vehicle, Map<String, Object> customsDraft,
                                        String replyTo) {

    public static final String TYPE = "LEDGER_DECLARATION";

    public record Line(long lineId, int lineNo, String kind, String itemNo, String hsCode, String nameZh, String unit,
                       BigDecimal quantity, BigDecimal amount, String currency, String direction) {
    }
}
