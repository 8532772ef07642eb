package cn.hnsw.ledger.posting;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

/**
 * Books 核增/核减 on ledger stock inside the caller's transaction (a receipt's approval and its postings are one
 * transaction). All the lines of a document are one unit for the {@link PostingEngine}: their rows are locked in id
 * order, a decrease the stock does not cover refuses the whole document with {@code INSUFFICIENT_STOCK}, and one
 * statement writes the balances and the posting rows, however many lines the document has. The posting's
 * {@code (document_id, line_id)} key refuses a second booking of the same line. Postings that are their own unit of
 * work go through the {@link PostingQueue} instead, which groups concurrent units into one transaction.
 */
@Service
public class PostingService {

    private final JdbcClient jdbc;
    private final PostingEngine engine;
    private final Clock clock;

    public PostingService(JdbcClient jdbc, PostingEngine engine, Clock clock) {
        this.jdbc = jdbc;
        this.engine = engine;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public List<LedgerPosting> book(List<PostingRequest> requests) {
        if (requests.isEmpty()) {
            return List.of();
        }
        PostingEngine.Outcome outcome = engine.book(List.of(requests), clock.instant()).getFirst();
        if (!outcome.booked()) {
            throw outcome.refusal();
        }
        return outcome.postings();
    }

    public BigDecimal available(long ledgerId, String itemNo) {
        return jdbc.sql("SELECT quantity FROM ledger_stock WHERE ledger_id = :l AND item_no = :i")
                .param("l", ledgerId).param("i", itemNo).query(BigDecimal.class).optional().orElse(BigDecimal.ZERO);
    }
}
