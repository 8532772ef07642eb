package cn.hnsw.passenger.tax;

import cn.hnsw.common.web.FieldViolation;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * 线上缴税申报校验设置 — the rules a tax entry is checked against, edited by customs as data: above
 * {@code maxOnlineTotal} the tax is paid at the port's counter, not online; an assessment older than
 * {@code entryValidDays} days is no longer entered online (customs assesses again).
 */
public record TaxEntrySettings(BigDecimal maxOnlineTotal, Integer entryValidDays) {

    public static final TaxEntrySettings DEFAULT = new TaxEntrySettings(new BigDecimal("100000.00"), 15);

    List<FieldViolation> violations() {
        List<FieldViolation> v = new ArrayList<>();
        if (maxOnlineTotal == null || maxOnlineTotal.signum() <= 0 || maxOnlineTotal.scale() > 2
                || maxOnlineTotal.compareTo(new BigDecimal("10000000")) > 0) {
            v.add(new FieldViolation("maxOnlineTotal", "Range", "线上缴税上限须为 0.01 至 10,000,000 元，最多两位小数",
                    "maxOnlineTotal must be CNY 0.01 to 10,000,000 with at most two decimals"));
        }
        if (entryValidDays == null || entryValidDays < 1 || entryValidDays > 365) {
            v.add(new FieldViolation("entryValidDays", "Range", "核定后可缴税天数须在 1 到 365 之间",
                    "entryValidDays must be between 1 and 365"));
        }
        return v;
    }

    /** Refuses the entry of {@code t} at {@code now} when a rule says no. */
    void check(TaxPayment t, Instant now) {
        if (t.total().compareTo(maxOnlineTotal) > 0) {
            throw new cn.hnsw.common.web.HnswException(TaxErrorCode.TAX_ENTRY_ABOVE_ONLINE_LIMIT, t.total(), maxOnlineTotal);
        }
        if (now.isAfter(t.assessedAt().plus(Duration.ofDays(entryValidDays)))) {
            throw new cn.hnsw.common.web.HnswException(TaxErrorCode.TAX_ENTRY_EXPIRED, entryValidDays);
        }
    }
}
