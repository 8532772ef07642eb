package cn.hnsw.ledger.posting;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.errors.LedgerErrorCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Books 核增/核减 on ledger stock. Each change is one conditional UPDATE (a decrease only where the stock covers it) and
 * one posting row with the balance after it, in the caller's transaction: the row lock of the UPDATE orders concurrent
 * postings of one item, stock never goes negative, and the posting's {@code (document_id, line_id)} key refuses a
 * second booking of the same line. Lines are booked in (ledger, item) order so two documents never deadlock.
 */
@Service
public class PostingService {

    private final JdbcClient jdbc;
    private final Clock clock;

    public PostingService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public List<LedgerPosting> book(List<PostingRequest> requests) {
        List<PostingRequest> ordered = new ArrayList<>(requests);
        ordered.sort(Comparator.comparingLong(PostingRequest::ledgerId).thenComparing(PostingRequest::itemNo)
                .thenComparingLong(PostingRequest::lineId));
        List<LedgerPosting> booked = new ArrayList<>(ordered.size());
        for (PostingRequest r : ordered) {
            booked.add(bookOne(r));
        }
        return booked;
    }

    private static final String INSERT_POSTING = """
            INSERT INTO ledger_posting (ledger_id, stock_id, direction, quantity, balance_after, document_id,
                document_no, document_type, line_id, receipt_id, posted_at)
            SELECT :ledger, s.id, :dir, :qty, s.quantity, :doc, :docNo, :docType, :line, :receipt, :at FROM s
            RETURNING id, stock_id, balance_after""";

    /**
     * One statement per posting: the stock change and the posting row in a CTE, so the row lock, the balance and the
     * posting are one round trip. A decrease that the stock does not cover changes no row and books nothing.
     */
    private LedgerPosting bookOne(PostingRequest r) {
        if (r.quantity() == null || r.quantity().signum() <= 0) {
            throw new IllegalArgumentException("posting quantity must be positive");
        }
        Timestamp now = Timestamp.from(clock.instant());
        String stockChange = r.direction() == Direction.INCREASE ? """
                WITH s AS (
                    INSERT INTO ledger_stock (ledger_id, item_no, item_kind, hs_code, name_zh, unit, quantity)
                    VALUES (:ledger, :item, :kind, :hs, :name, :unit, :qty)
                    ON CONFLICT (ledger_id, item_no) DO UPDATE SET quantity = ledger_stock.quantity + EXCLUDED.quantity
                    RETURNING id, quantity)
                """ : """
                WITH s AS (
                    UPDATE ledger_stock SET quantity = quantity - :qty
                    WHERE ledger_id = :ledger AND item_no = :item AND quantity >= :qty
                    RETURNING id, quantity)
                """;
        return jdbc.sql(stockChange + INSERT_POSTING)
                .param("ledger", r.ledgerId()).param("item", r.itemNo()).param("kind", r.itemKind())
                .param("hs", r.hsCode()).param("name", r.nameZh()).param("unit", r.unit()).param("qty", r.quantity())
                .param("dir", r.direction().name()).param("doc", r.documentId()).param("docNo", r.documentNo())
                .param("docType", r.documentType()).param("line", r.lineId()).param("receipt", r.receiptId())
                .param("at", now)
                .query((rs, n) -> new LedgerPosting(rs.getLong("id"), r.ledgerId(), rs.getLong("stock_id"), r.itemNo(),
                        r.direction(), r.quantity(), rs.getBigDecimal("balance_after"), r.documentId(), r.documentNo(),
                        r.documentType(), r.lineId(), r.receiptId(), now.toInstant()))
                .optional()
                .orElseThrow(() -> new HnswException(LedgerErrorCode.INSUFFICIENT_STOCK, r.itemNo(),
                        available(r.ledgerId(), r.itemNo()).toPlainString(), r.quantity().toPlainString()));
    }

    public BigDecimal available(long ledgerId, String itemNo) {
        return jdbc.sql("SELECT quantity FROM ledger_stock WHERE ledger_id = :l AND item_no = :i")
                .param("l", ledgerId).param("i", itemNo).query(BigDecimal.class).optional().orElse(BigDecimal.ZERO);
    }
}
