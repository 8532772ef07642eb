package cn.hnsw.customs.secondline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 核注清单 as the platform holds it after a pull: the source's data, its check status and findings, and per line how
 * much declarations have written off (核扣) so far.
 */
public record VerificationList(
        UUID id,
        String listNo,
        String listType,
        String enterpriseUscc,
        String enterpriseName,
        String ledgerNo,
        String importExport,
        String supervisionMode,
        String transportMode,
        String declareCustoms,
        String entryExitCustoms,
        String tradingCountry,
        BigDecimal grossWeight,
        BigDecimal netWeight,
        Integer packages,
        LocalDate declaredDate,
        Status status,
        List<ListFinding> findings,
        Instant pulledAt,
        Instant checkedAt,
        UUID consolidatedId,
        List<Line> items) {

    public static final String DOMESTIC_SALE = "DOMESTIC_SALE";
    public static final String DISTRIBUTION = "DISTRIBUTION";

    /** LOADED → VALID | INVALID (checks) → WRITTEN_OFF (nothing left to declare). */
    public enum Status { LOADED, VALID, INVALID, WRITTEN_OFF }

    /** One line, with what is written off. */
    public record Line(int seq, Integer ledgerItemNo, String hsCode, String name, String specification,
                       BigDecimal quantity, String unit, BigDecimal legalQuantity, String legalUnit,
                       BigDecimal unitPrice, BigDecimal totalPrice, String currency, String originCountry,
                       BigDecimal writtenOff) {

        public BigDecimal remaining() {
            return quantity.subtract(writtenOff).max(BigDecimal.ZERO);
        }

        /** The line's fields by name, for the body fill rules; the remaining* values are what is left to declare. */
        Map<String, Object> fields() {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("seq", seq);
            f.put("ledgerItemNo", ledgerItemNo);
            f.put("hsCode", hsCode);
            f.put("name", name);
            f.put("specification", specification);
            f.put("quantity", quantity);
            f.put("unit", unit);
            f.put("legalQuantity", legalQuantity);
            f.put("legalUnit", legalUnit);
            f.put("unitPrice", unitPrice);
            f.put("totalPrice", totalPrice);
            f.put("currency", currency);
            f.put("originCountry", originCountry);
            f.put("writtenOff", writtenOff);
            BigDecimal left = remaining();
            f.put("remainingQuantity", left);
            f.put("remainingLegalQuantity", legalQuantity == null || quantity.signum() == 0 ? null
                    : legalQuantity.multiply(left).divide(quantity, 5, RoundingMode.HALF_UP));
            f.put("remainingTotalPrice", unitPrice != null ? unitPrice.multiply(left).setScale(2, RoundingMode.HALF_UP)
                    : totalPrice == null || quantity.signum() == 0 ? null
                    : totalPrice.multiply(left).divide(quantity, 2, RoundingMode.HALF_UP));
            return f;
        }
    }

    /** A failed check: the family, the rule and its message; {@code seq} the line, when it is about one. */
    public record ListFinding(String family, String code, Integer seq, String messageZh, String messageEn) {
    }

    public boolean exhausted() {
        return items.stream().allMatch(l -> l.remaining().signum() == 0);
    }

    /** The header's fields by name, for the header fill rules. */
    Map<String, Object> headerFields() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("listNo", listNo);
        f.put("listType", listType);
        f.put("enterpriseUscc", enterpriseUscc);
        f.put("enterpriseName", enterpriseName);
        f.put("ledgerNo", ledgerNo);
        f.put("importExport", importExport);
        f.put("supervisionMode", supervisionMode);
        f.put("transportMode", transportMode);
        f.put("declareCustoms", declareCustoms);
        f.put("entryExitCustoms", entryExitCustoms);
        f.put("tradingCountry", tradingCountry);
        f.put("grossWeight", grossWeight);
        f.put("netWeight", netWeight);
        f.put("packages", packages);
        f.put("declaredDate", declaredDate);
        return f;
    }
}
