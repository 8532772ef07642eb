package cn.hnsw.ledger.posting;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.errors.LedgerErrorCode;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Books several posting units (each a list of postings that book all or nothing) in the current transaction with a
 * constant number of statements, whatever the number of postings:
 * <ol>
 *   <li>lock every stock row the units touch, in id order ({@code SELECT … FOR UPDATE}); rows that an increase needs
 *       and that do not exist yet are inserted first, in key order, with quantity 0;</li>
 *   <li>walk the units in arrival order on the locked balances: a unit whose decrease the balance does not cover is
 *       refused with {@code INSUFFICIENT_STOCK} and leaves the balances as they were; a line already booked earlier in
 *       the batch refuses its unit as a duplicate;</li>
 *   <li>one statement writes the new balances of the touched rows and every posting row with its balance after
 *       ({@code unnest} arrays; the UPDATE in a CTE), so both are stored or neither.</li>
 * </ol>
 * The row locks order concurrent batches on the same items; the {@code CHECK (quantity >= 0)} and
 * {@code UNIQUE (document_id, line_id)} of the schema stay the last line of defence: a line that another transaction
 * booked meanwhile makes the write statement fail with a {@link DuplicateKeyException}.
 */
@org.springframework.stereotype.Component
public class PostingEngine {

    private static final String LOCK = """
            SELECT s.id, s.ledger_id, s.item_no, s.quantity FROM ledger_stock s
            JOIN unnest(CAST(? AS bigint[]), CAST(? AS varchar[])) AS k(ledger_id, item_no)
              ON s.ledger_id = k.ledger_id AND s.item_no = k.item_no
            ORDER BY s.id FOR UPDATE OF s""";

    private static final String CREATE_MISSING = """
            INSERT INTO ledger_stock (ledger_id, item_no, item_kind, hs_code, name_zh, unit, quantity)
            SELECT k.ledger_id, k.item_no, k.item_kind, k.hs_code, k.name_zh, k.unit, 0
            FROM unnest(CAST(? AS bigint[]), CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS varchar[]),
                        CAST(? AS varchar[]), CAST(? AS varchar[])) AS k(ledger_id, item_no, item_kind, hs_code, name_zh, unit)
            ORDER BY k.ledger_id, k.item_no
            ON CONFLICT (ledger_id, item_no) DO NOTHING""";

    private static final String WRITE = """
            WITH balance AS (
                UPDATE ledger_stock s SET quantity = v.quantity
                FROM unnest(CAST(? AS bigint[]), CAST(? AS numeric[])) AS v(id, quantity)
                WHERE s.id = v.id)
            INSERT INTO ledger_posting (ledger_id, stock_id, direction, quantity, balance_after, document_id, document_no,
                document_type, line_id, receipt_id, posted_at)
            SELECT p.ledger_id, p.stock_id, p.direction, p.quantity, p.balance_after, p.document_id, p.document_no,
                   p.document_type, p.line_id, p.receipt_id, ?
            FROM unnest(CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS varchar[]), CAST(? AS numeric[]),
                        CAST(? AS numeric[]), CAST(? AS bigint[]), CAST(? AS varchar[]), CAST(? AS varchar[]),
                        CAST(? AS bigint[]), CAST(? AS varchar[]))
                 AS p(ledger_id, stock_id, direction, quantity, balance_after, document_id, document_no, document_type,
                      line_id, receipt_id)
            RETURNING id, document_id, line_id""";

    private static final Comparator<PostingRequest> BOOKING_ORDER = Comparator.comparingLong(PostingRequest::ledgerId)
            .thenComparing(PostingRequest::itemNo).thenComparingLong(PostingRequest::lineId);

    private final DataSource dataSource;
    private final SQLExceptionTranslator translator;

    public PostingEngine(DataSource dataSource) {
        this.dataSource = dataSource;
        this.translator = new SQLErrorCodeSQLExceptionTranslator(dataSource);
    }

    /** What became of one unit: its postings, or why it was refused (nothing of it was written). */
    public record Outcome(List<LedgerPosting> postings, RuntimeException refusal) {
        public boolean booked() {
            return refusal == null;
        }
    }

    /**
     * Books the units in the current transaction (which must exist: the locks and the write belong to it).
     *
     * @return one outcome per unit, in the units' order
     * @throws DuplicateKeyException when a line was booked by another transaction meanwhile (the transaction is then
     *                               unusable and must roll back)
     */
    public List<Outcome> book(List<List<PostingRequest>> units, Instant now) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("postings are booked inside a transaction");
        }
        for (List<PostingRequest> unit : units) {
            for (PostingRequest r : unit) {
                if (r.quantity() == null || r.quantity().signum() <= 0) {
                    throw new IllegalArgumentException("posting quantity must be positive");
                }
            }
        }
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            return book(c, units, now);
        } catch (SQLException e) {
            throw Objects.requireNonNull(translator.translate("book postings", null, e));
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    private record Key(long ledgerId, String itemNo) {
    }

    private static final class Balance {
        final long stockId;
        final BigDecimal before;
        BigDecimal quantity;

        Balance(long stockId, BigDecimal quantity) {
            this.stockId = stockId;
            this.before = quantity;
            this.quantity = quantity;
        }
    }

    private List<Outcome> book(Connection c, List<List<PostingRequest>> units, Instant now) throws SQLException {
        Map<Key, PostingRequest> keys = new LinkedHashMap<>();
        Set<Key> increased = new HashSet<>();
        for (List<PostingRequest> unit : units) {
            for (PostingRequest r : unit) {
                Key k = new Key(r.ledgerId(), r.itemNo());
                keys.putIfAbsent(k, r);
                if (r.direction() == Direction.INCREASE) {
                    increased.add(k);
                }
            }
        }
        Map<Key, Balance> balances = lock(c, keys.keySet());
        List<PostingRequest> missing = keys.entrySet().stream()
                .filter(e -> !balances.containsKey(e.getKey()) && increased.contains(e.getKey()))
                .map(Map.Entry::getValue).toList();
        if (!missing.isEmpty()) {
            createMissing(c, missing);
            balances.putAll(lock(c, missing.stream().map(r -> new Key(r.ledgerId(), r.itemNo())).toList()));
        }

        List<Outcome> outcomes = new ArrayList<>(units.size());
        List<LedgerPosting> toWrite = new ArrayList<>();
        Set<List<Long>> lines = new HashSet<>();
        Timestamp at = Timestamp.from(now);
        for (List<PostingRequest> unit : units) {
            List<PostingRequest> ordered = new ArrayList<>(unit);
            ordered.sort(BOOKING_ORDER);
            Map<Key, BigDecimal> tentative = new HashMap<>();
            List<LedgerPosting> postings = new ArrayList<>(ordered.size());
            RuntimeException refusal = null;
            Set<List<Long>> unitLines = new HashSet<>();
            for (PostingRequest r : ordered) {
                Key k = new Key(r.ledgerId(), r.itemNo());
                List<Long> line = List.of(r.documentId(), r.lineId());
                if (lines.contains(line) || !unitLines.add(line)) {
                    refusal = new DuplicateKeyException("document " + r.documentId() + " line " + r.lineId()
                            + " is booked already");
                    break;
                }
                Balance b = balances.get(k);
                BigDecimal current = tentative.getOrDefault(k, b == null ? BigDecimal.ZERO : b.quantity);
                BigDecimal after = r.direction() == Direction.INCREASE ? current.add(r.quantity()) : current.subtract(r.quantity());
                if (b == null || after.signum() < 0) {
                    refusal = new HnswException(LedgerErrorCode.INSUFFICIENT_STOCK, r.itemNo(), current.toPlainString(),
                            r.quantity().toPlainString());
                    break;
                }
                tentative.put(k, after);
                postings.add(new LedgerPosting(0, r.ledgerId(), b.stockId, r.itemNo(), r.direction(), r.quantity(), after,
                        r.documentId(), r.documentNo(), r.documentType(), r.lineId(), r.receiptId(), now));
            }
            if (refusal != null) {
                outcomes.add(new Outcome(List.of(), refusal));
                continue;
            }
            tentative.forEach((k, q) -> balances.get(k).quantity = q);
            lines.addAll(unitLines);
            toWrite.addAll(postings);
            outcomes.add(new Outcome(postings, null));
        }
        if (toWrite.isEmpty()) {
            return outcomes;
        }
        Map<List<Long>, Long> ids = write(c, balances.values(), toWrite, at);
        List<Outcome> withIds = new ArrayList<>(outcomes.size());
        for (Outcome o : outcomes) {
            withIds.add(o.booked() ? new Outcome(o.postings().stream().map(p -> new LedgerPosting(
                    ids.get(List.of(p.documentId(), p.lineId())), p.ledgerId(), p.stockId(), p.itemNo(), p.direction(),
                    p.quantity(), p.balanceAfter(), p.documentId(), p.documentNo(), p.documentType(), p.lineId(),
                    p.receiptId(), p.postedAt())).toList(), null) : o);
        }
        return withIds;
    }

    private static Map<Key, Balance> lock(Connection c, java.util.Collection<Key> keys) throws SQLException {
        Map<Key, Balance> locked = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(LOCK)) {
            s.setArray(1, c.createArrayOf("bigint", keys.stream().map(Key::ledgerId).toArray(Long[]::new)));
            s.setArray(2, c.createArrayOf("varchar", keys.stream().map(Key::itemNo).toArray(String[]::new)));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    locked.put(new Key(rs.getLong(2), rs.getString(3)), new Balance(rs.getLong(1), rs.getBigDecimal(4)));
                }
            }
        }
        return locked;
    }

    private static void createMissing(Connection c, List<PostingRequest> missing) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(CREATE_MISSING)) {
            s.setArray(1, c.createArrayOf("bigint", missing.stream().map(PostingRequest::ledgerId).toArray(Long[]::new)));
            s.setArray(2, strings(c, missing.stream().map(PostingRequest::itemNo)));
            s.setArray(3, strings(c, missing.stream().map(PostingRequest::itemKind)));
            s.setArray(4, strings(c, missing.stream().map(PostingRequest::hsCode)));
            s.setArray(5, strings(c, missing.stream().map(PostingRequest::nameZh)));
            s.setArray(6, strings(c, missing.stream().map(PostingRequest::unit)));
            s.executeUpdate();
        }
    }

    private static Map<List<Long>, Long> write(Connection c, java.util.Collection<Balance> balances,
                                               List<LedgerPosting> postings, Timestamp at) throws SQLException {
        List<Balance> changed = balances.stream().filter(b -> b.quantity.compareTo(b.before) != 0).toList();
        Map<List<Long>, Long> ids = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(WRITE)) {
            int i = 1;
            s.setArray(i++, c.createArrayOf("bigint", changed.stream().map(b -> b.stockId).toArray(Long[]::new)));
            s.setArray(i++, strings(c, changed.stream().map(b -> b.quantity.toPlainString())));
            s.setTimestamp(i++, at);
            s.setArray(i++, c.createArrayOf("bigint", postings.stream().map(LedgerPosting::ledgerId).toArray(Long[]::new)));
            s.setArray(i++, c.createArrayOf("bigint", postings.stream().map(LedgerPosting::stockId).toArray(Long[]::new)));
            s.setArray(i++, strings(c, postings.stream().map(p -> p.direction().name())));
            s.setArray(i++, strings(c, postings.stream().map(p -> p.quantity().toPlainString())));
            s.setArray(i++, strings(c, postings.stream().map(p -> p.balanceAfter().toPlainString())));
            s.setArray(i++, c.createArrayOf("bigint", postings.stream().map(LedgerPosting::documentId).toArray(Long[]::new)));
            s.setArray(i++, strings(c, postings.stream().map(LedgerPosting::documentNo)));
            s.setArray(i++, strings(c, postings.stream().map(LedgerPosting::documentType)));
            s.setArray(i++, c.createArrayOf("bigint", postings.stream().map(LedgerPosting::lineId).toArray(Long[]::new)));
            s.setArray(i, strings(c, postings.stream().map(LedgerPosting::receiptId)));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.put(List.of(rs.getLong(2), rs.getLong(3)), rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static Array strings(Connection c, java.util.stream.Stream<String> values) throws SQLException {
        return c.createArrayOf("varchar", values.toArray(String[]::new));
    }
}
