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
 * Books several posting units (each a list of postings that book all or nothing) with a constant number of
 * statements, whatever the number of postings.
 * <ol>
 *   <li>First, one statement tries the whole batch at once: it locks the stock rows (id order), computes every
 *       posting's balance after it with a running sum over the locked balances, and, only if every row exists and no
 *       balance goes below zero, writes the new balances and all posting rows. Outside a transaction this is the
 *       batch's only round trip.</li>
 *   <li>Where that does not fit (a decrease the stock does not cover, or an item without a stock row yet), the batch
 *       is booked step by step in a transaction: the stock rows that increases need are created (key order), all rows
 *       locked in id order, the units walked in order on the locked balances (a unit whose decrease is not covered is
 *       refused with {@code INSUFFICIENT_STOCK} and leaves the balances as they were), and one statement writes the
 *       balances and posting rows of the units that fit.</li>
 * </ol>
 * A line given twice in a batch refuses the later unit before anything is sent. The row locks order concurrent
 * batches on the same items; the {@code CHECK (quantity >= 0)} and {@code UNIQUE (document_id, line_id)} of the
 * schema stay the last line of defence: a line booked earlier makes the write fail with a
 * {@link DuplicateKeyException} and stores nothing of the batch. A lone posting takes a shorter way: one conditional
 * statement does the stock change and the posting row together. Inside the caller's transaction all of this joins it.
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

    private static final String AT_ONCE = """
            WITH req AS (
                SELECT * FROM unnest(CAST(? AS bigint[]), CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS numeric[]),
                                     CAST(? AS bigint[]), CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS bigint[]),
                                     CAST(? AS varchar[])) WITH ORDINALITY
                    AS r(ledger_id, item_no, direction, quantity, document_id, document_no, document_type, line_id,
                         receipt_id, ord)),
            cur AS (
                SELECT s.id, s.ledger_id, s.item_no, s.quantity FROM ledger_stock s
                WHERE (s.ledger_id, s.item_no) IN (SELECT ledger_id, item_no FROM req)
                ORDER BY s.id FOR UPDATE),
            run AS (
                SELECT r.*, c.id AS stock_id, c.quantity + sum(CASE r.direction WHEN 'INCREASE' THEN r.quantity
                                                                   ELSE -r.quantity END)
                                              OVER (PARTITION BY c.id ORDER BY r.ord) AS balance_after
                FROM req r JOIN cur c ON c.ledger_id = r.ledger_id AND c.item_no = r.item_no),
            fits AS (
                SELECT count(*) = (SELECT count(*) FROM req) AND coalesce(bool_and(balance_after >= 0), false) AS ok
                FROM run),
            balance AS (
                UPDATE ledger_stock s SET quantity = f.balance_after
                FROM (SELECT DISTINCT ON (stock_id) stock_id, balance_after FROM run ORDER BY stock_id, ord DESC) f, fits
                WHERE s.id = f.stock_id AND fits.ok)
            INSERT INTO ledger_posting (ledger_id, stock_id, direction, quantity, balance_after, document_id, document_no,
                document_type, line_id, receipt_id, posted_at)
            SELECT run.ledger_id, run.stock_id, run.direction, run.quantity, run.balance_after, run.document_id,
                   run.document_no, run.document_type, run.line_id, run.receipt_id, ?
            FROM run, fits WHERE fits.ok ORDER BY run.ord
            RETURNING id, document_id, line_id, stock_id, balance_after""";

    private static final String SINGLE_INCREASE = """
            WITH s AS (
                INSERT INTO ledger_stock (ledger_id, item_no, item_kind, hs_code, name_zh, unit, quantity)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (ledger_id, item_no) DO UPDATE SET quantity = ledger_stock.quantity + EXCLUDED.quantity
                RETURNING id, quantity)
            """;

    private static final String SINGLE_DECREASE = """
            WITH s AS (
                UPDATE ledger_stock SET quantity = quantity - ?
                WHERE ledger_id = ? AND item_no = ? AND quantity >= ?
                RETURNING id, quantity)
            """;

    private static final String SINGLE_POSTING = """
            INSERT INTO ledger_posting (ledger_id, stock_id, direction, quantity, balance_after, document_id,
                document_no, document_type, line_id, receipt_id, posted_at)
            SELECT ?, s.id, ?, ?, s.quantity, ?, ?, ?, ?, ?, ? FROM s
            RETURNING id, stock_id, balance_after""";

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
     * Books the units: inside the current transaction if there is one, else on their own (one statement where the
     * batch fits at once, a short transaction of its own where it does not).
     *
     * @return one outcome per unit, in the units' order
     * @throws DuplicateKeyException when a line was booked before (nothing of the batch is stored; inside a
     *                               transaction, that transaction is unusable and must roll back)
     */
    public List<Outcome> book(List<List<PostingRequest>> units, Instant now) {
        for (List<PostingRequest> unit : units) {
            for (PostingRequest r : unit) {
                if (r.quantity() == null || r.quantity().signum() <= 0) {
                    throw new IllegalArgumentException("posting quantity must be positive");
                }
            }
        }
        boolean inTransaction = TransactionSynchronizationManager.isActualTransactionActive();
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            return book(c, inTransaction, units, now);
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

    private List<Outcome> book(Connection c, boolean inTransaction, List<List<PostingRequest>> units, Instant now)
            throws SQLException {
        // units in booking order; a line given twice in the batch refuses the later unit
        List<List<PostingRequest>> ordered = new ArrayList<>(units.size());
        RuntimeException[] refusals = new RuntimeException[units.size()];
        Set<List<Long>> lines = new HashSet<>();
        for (int u = 0; u < units.size(); u++) {
            List<PostingRequest> unit = new ArrayList<>(units.get(u));
            unit.sort(BOOKING_ORDER);
            Set<List<Long>> unitLines = new HashSet<>();
            for (PostingRequest r : unit) {
                List<Long> line = List.of(r.documentId(), r.lineId());
                if (lines.contains(line) || !unitLines.add(line)) {
                    refusals[u] = new DuplicateKeyException("document " + r.documentId() + " line " + r.lineId()
                            + " is booked already");
                }
            }
            if (refusals[u] == null) {
                lines.addAll(unitLines);
            }
            ordered.add(refusals[u] == null ? unit : List.of());
        }
        List<PostingRequest> flat = ordered.stream().flatMap(List::stream).toList();
        List<LedgerPosting> atOnce = flat.isEmpty() ? List.of()
                : flat.size() == 1 ? single(c, flat.getFirst(), now) : atOnce(c, flat, now);
        if (atOnce != null) {
            List<Outcome> outcomes = new ArrayList<>(units.size());
            int next = 0;
            for (int u = 0; u < units.size(); u++) {
                if (refusals[u] != null) {
                    outcomes.add(new Outcome(List.of(), refusals[u]));
                } else {
                    outcomes.add(new Outcome(atOnce.subList(next, next + ordered.get(u).size()), null));
                    next += ordered.get(u).size();
                }
            }
            return outcomes;
        }
        if (inTransaction) {
            return stepwise(c, ordered, refusals, now);
        }
        c.setAutoCommit(false);
        try {
            List<Outcome> outcomes = stepwise(c, ordered, refusals, now);
            c.commit();
            return outcomes;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /**
     * The whole batch in one statement, or nothing and null where it does not fit at once (an item without a stock
     * row, or a balance that would go below zero); the postings come back in the order of {@code flat}.
     */
    private static List<LedgerPosting> atOnce(Connection c, List<PostingRequest> flat, Instant now) throws SQLException {
        Map<List<Long>, LedgerPosting> written = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(AT_ONCE)) {
            int i = 1;
            s.setArray(i++, c.createArrayOf("bigint", flat.stream().map(PostingRequest::ledgerId).toArray(Long[]::new)));
            s.setArray(i++, strings(c, flat.stream().map(PostingRequest::itemNo)));
            s.setArray(i++, strings(c, flat.stream().map(r -> r.direction().name())));
            s.setArray(i++, strings(c, flat.stream().map(r -> r.quantity().toPlainString())));
            s.setArray(i++, c.createArrayOf("bigint", flat.stream().map(PostingRequest::documentId).toArray(Long[]::new)));
            s.setArray(i++, strings(c, flat.stream().map(PostingRequest::documentNo)));
            s.setArray(i++, strings(c, flat.stream().map(PostingRequest::documentType)));
            s.setArray(i++, c.createArrayOf("bigint", flat.stream().map(PostingRequest::lineId).toArray(Long[]::new)));
            s.setArray(i++, strings(c, flat.stream().map(PostingRequest::receiptId)));
            s.setTimestamp(i, Timestamp.from(now));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    written.put(List.of(rs.getLong(2), rs.getLong(3)), new LedgerPosting(rs.getLong(1), 0,
                            rs.getLong(4), null, null, null, rs.getBigDecimal(5), 0, null, null, 0, null, now));
                }
            }
        }
        if (written.isEmpty()) {
            return null;
        }
        if (written.size() != flat.size()) {
            throw new IllegalStateException("the batch statement wrote " + written.size() + " of " + flat.size() + " postings");
        }
        return flat.stream().map(r -> {
            LedgerPosting w = written.get(List.of(r.documentId(), r.lineId()));
            return new LedgerPosting(w.id(), r.ledgerId(), w.stockId(), r.itemNo(), r.direction(), r.quantity(),
                    w.balanceAfter(), r.documentId(), r.documentNo(), r.documentType(), r.lineId(), r.receiptId(), now);
        }).toList();
    }

    /** A lone posting: one conditional statement; null where a decrease is not covered. */
    private static List<LedgerPosting> single(Connection c, PostingRequest r, Instant now) throws SQLException {
        boolean increase = r.direction() == Direction.INCREASE;
        try (PreparedStatement s = c.prepareStatement((increase ? SINGLE_INCREASE : SINGLE_DECREASE) + SINGLE_POSTING)) {
            int i = 1;
            if (increase) {
                s.setLong(i++, r.ledgerId());
                s.setString(i++, r.itemNo());
                s.setString(i++, r.itemKind());
                s.setString(i++, r.hsCode());
                s.setString(i++, r.nameZh());
                s.setString(i++, r.unit());
                s.setBigDecimal(i++, r.quantity());
            } else {
                s.setBigDecimal(i++, r.quantity());
                s.setLong(i++, r.ledgerId());
                s.setString(i++, r.itemNo());
                s.setBigDecimal(i++, r.quantity());
            }
            s.setLong(i++, r.ledgerId());
            s.setString(i++, r.direction().name());
            s.setBigDecimal(i++, r.quantity());
            s.setLong(i++, r.documentId());
            s.setString(i++, r.documentNo());
            s.setString(i++, r.documentType());
            s.setLong(i++, r.lineId());
            s.setString(i++, r.receiptId());
            s.setTimestamp(i, Timestamp.from(now));
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    return List.of(new LedgerPosting(rs.getLong(1), r.ledgerId(), rs.getLong(2), r.itemNo(),
                            r.direction(), r.quantity(), rs.getBigDecimal(3), r.documentId(), r.documentNo(),
                            r.documentType(), r.lineId(), r.receiptId(), now));
                }
            }
        }
        return null;
    }

    private List<Outcome> stepwise(Connection c, List<List<PostingRequest>> units, RuntimeException[] refused,
                                   Instant now) throws SQLException {
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
        Timestamp at = Timestamp.from(now);
        for (int u = 0; u < units.size(); u++) {
            if (refused[u] != null) {
                outcomes.add(new Outcome(List.of(), refused[u]));
                continue;
            }
            List<PostingRequest> ordered = units.get(u);
            Map<Key, BigDecimal> tentative = new HashMap<>();
            List<LedgerPosting> postings = new ArrayList<>(ordered.size());
            RuntimeException refusal = null;
            for (PostingRequest r : ordered) {
                Key k = new Key(r.ledgerId(), r.itemNo());
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
