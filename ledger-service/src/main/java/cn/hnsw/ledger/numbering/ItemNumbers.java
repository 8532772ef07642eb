package cn.hnsw.ledger.numbering;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.errors.LedgerErrorCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * 零关税编号规则调用: a filing line without an item number takes the next number of the enterprise's rule in effect
 * for its kind (in the caller's transaction, so a refused line gives its number back); a number already in the
 * enterprise's commodity library is a clash and is refused.
 */
@Component
public class ItemNumbers {

    private static final ZoneId HAINAN = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final Clock clock;

    ItemNumbers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The next number of the enterprise's rule in effect for {@code kind}; empty when it has none in effect. */
    public Optional<String> draw(String enterprise, String kind) {
        Optional<String> drawn = jdbc.sql("""
                        UPDATE item_numbering_rule SET next_value = next_value + 1
                        WHERE enterprise = :e AND item_kind = :k AND enabled
                        RETURNING prefix, date_pattern, seq_width, next_value - 1""")
                .param("e", enterprise).param("k", kind)
                .query((rs, n) -> {
                    String pattern = rs.getString(2);
                    int width = rs.getInt(3);
                    long value = rs.getLong(4);
                    if (String.valueOf(value).length() > width) {
                        throw new HnswException(LedgerErrorCode.NUMBERING_EXHAUSTED, kind, width);
                    }
                    String date = pattern.isEmpty() ? "" : DateTimeFormatter.ofPattern(pattern).format(clock.instant().atZone(HAINAN));
                    return rs.getString(1) + date + String.format("%0" + width + "d", value);
                })
                .optional();
        drawn.ifPresent(no -> {
            boolean taken = jdbc.sql("SELECT count(*) FROM commodity WHERE enterprise = :e AND item_no = :n")
                    .param("e", enterprise).param("n", no).query(Long.class).single() > 0;
            if (taken) {
                throw new HnswException(LedgerErrorCode.NUMBERING_CLASH, no, kind);
            }
        });
        return drawn;
    }
}
