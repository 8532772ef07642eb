package cn.hnsw.ledger.posting;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.document.LedgerType;
import cn.hnsw.ledger.support.LedgerIntegrationTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The posting queue groups concurrent units into one transaction: every invariant of single postings still holds
 * (stock never negative, balance = sum of postings, each balance-after continues the chain, a line books once), a
 * refused unit does not hold back the others of its batch, and a unit whose own work fails leaves nothing behind.
 */
class PostingQueueIT extends LedgerIntegrationTestBase {

    @Autowired
    PostingQueue queue;
    @Autowired
    PostingService postings;
    @Autowired
    LedgerRepository ledgers;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    private static final AtomicLong DOCUMENT = new AtomicLong(5_000_000);

    @Test
    void thirtyTwoWritersThroughTheQueueKeepEveryInvariant() throws Exception {
        long ledgerId = ledger();
        String[] items = {"Q-HOT-1", "Q-HOT-2", "Q-HOT-3"};
        for (String item : items) {
            queue.book(List.of(request(ledgerId, item, Direction.INCREASE, "1000")));
        }
        int threads = 32;
        int perThread = 60;
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger booked = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int seed = t;
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    String item = items[(seed + i) % items.length];
                    Direction direction = (i % 5 == 4) ? Direction.INCREASE : Direction.DECREASE;
                    String qty = direction == Direction.INCREASE ? "3" : "7";
                    try {
                        // some units are two lines on two items: both book or neither
                        List<PostingRequest> unit = i % 7 == 0
                                ? twoLines(ledgerId, item, items[(seed + i + 1) % items.length], direction, qty)
                                : List.of(request(ledgerId, item, direction, qty));
                        queue.book(unit);
                        booked.addAndGet(unit.size());
                    } catch (HnswException e) {
                        assertThat(e.errorCode().code()).isEqualTo("INSUFFICIENT_STOCK");
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();

        assertThat(refused.get()).as("demand exceeded stock, so some decreases must be refused").isPositive();
        for (LedgerStock s : ledgers.stock(ledgerId)) {
            assertThat(s.quantity()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
            assertThat(s.quantity()).as("balance of %s = sum of its postings", s.itemNo()).isEqualByComparingTo(s.postedTotal());
            BigDecimal running = BigDecimal.ZERO;
            for (LedgerPosting p : ledgers.chain(s.id())) {
                running = p.direction() == Direction.INCREASE ? running.add(p.quantity()) : running.subtract(p.quantity());
                assertThat(p.balanceAfter()).as("posting %s continues the chain", p.id()).isEqualByComparingTo(running);
            }
        }
        long rows = jdbc.sql("SELECT count(*) FROM ledger_posting WHERE ledger_id = :l").param("l", ledgerId)
                .query(Long.class).single();
        assertThat(rows).isEqualTo(booked.get() + items.length);
        long batched = jdbc.sql("""
                        SELECT count(*) FROM (SELECT posted_at FROM ledger_posting WHERE ledger_id = :l
                                              GROUP BY posted_at HAVING count(DISTINCT document_id) > 1) b""")
                .param("l", ledgerId).query(Long.class).single();
        assertThat(batched).as("concurrent units were committed together in batches").isPositive();
    }

    @Test
    void aRefusedUnitDoesNotHoldBackTheOthersAndALineBooksOnce() throws Exception {
        long ledgerId = ledger();
        queue.book(List.of(request(ledgerId, "Q-ONE", Direction.INCREASE, "10")));
        PostingRequest tooMuch = request(ledgerId, "Q-ONE", Direction.DECREASE, "11");
        PostingRequest fits = request(ledgerId, "Q-ONE", Direction.DECREASE, "4");
        CompletableFuture<List<LedgerPosting>> refused = queue.submit(List.of(tooMuch), null);
        CompletableFuture<List<LedgerPosting>> booked = queue.submit(List.of(fits), null);
        assertThat(booked.get()).singleElement().satisfies(p -> assertThat(p.balanceAfter()).isEqualByComparingTo("6"));
        assertThatThrownBy(refused::join).hasCauseInstanceOf(HnswException.class).hasMessageContaining("Q-ONE");

        assertThatThrownBy(() -> queue.book(List.of(fits))).isInstanceOf(DuplicateKeyException.class);
        // the same line twice in one batch: the second is refused, the first books
        PostingRequest once = request(ledgerId, "Q-ONE", Direction.DECREASE, "1");
        CompletableFuture<List<LedgerPosting>> a = queue.submit(List.of(once), null);
        CompletableFuture<List<LedgerPosting>> b = queue.submit(List.of(once), null);
        CompletableFuture.allOf(a, b).handle((x, e) -> null).get();
        assertThat(List.of(a, b)).filteredOn(f -> !f.isCompletedExceptionally()).hasSize(1);
        assertThat(postings.available(ledgerId, "Q-ONE")).isEqualByComparingTo("5");
    }

    @Test
    void aUnitWhoseOwnWorkFailsLeavesNoPostingAndTheQueueRefusesCallersInsideATransaction() {
        long ledgerId = ledger();
        queue.book(List.of(request(ledgerId, "Q-WORK", Direction.INCREASE, "10")));
        PostingRequest out = request(ledgerId, "Q-WORK", Direction.DECREASE, "3");
        assertThatThrownBy(() -> queue.book(List.of(out), booked -> {
            throw new IllegalStateException("the unit's own work failed");
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("own work");
        assertThat(postings.available(ledgerId, "Q-WORK")).isEqualByComparingTo("10");
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_posting WHERE document_id = :d").param("d", out.documentId())
                .query(Long.class).single()).isZero();

        // the work commits with the postings: here it records the posting ids it was given
        List<Long> seen = new ArrayList<>();
        List<LedgerPosting> done = queue.book(List.of(out), booked -> booked.forEach(p -> seen.add(p.id())));
        assertThat(seen).containsExactly(done.getFirst().id());
        assertThat(postings.available(ledgerId, "Q-WORK")).isEqualByComparingTo("7");

        assertThatThrownBy(() -> tx.executeWithoutResult(s -> queue.book(List.of(request(ledgerId, "Q-WORK",
                Direction.INCREASE, "1"))))).isInstanceOf(IllegalStateException.class);
    }

    private long ledger() {
        return ledgers.create("HNZBQ" + System.nanoTime() % 100_000_000, YANGPU_TRADING, "测试",
                LedgerType.LOGISTICS, 0, Instant.now());
    }

    private static List<PostingRequest> twoLines(long ledgerId, String a, String b, Direction direction, String qty) {
        long doc = DOCUMENT.incrementAndGet();
        return List.of(new PostingRequest(ledgerId, "GOODS", a, "8471300000", "笔记本电脑", "台", direction,
                        new BigDecimal(qty), doc, "DOC" + doc, "LOGISTICS_ADJUSTMENT", 1, "R" + doc),
                new PostingRequest(ledgerId, "GOODS", b, "8471300000", "笔记本电脑", "台", direction,
                        new BigDecimal(qty), doc, "DOC" + doc, "LOGISTICS_ADJUSTMENT", 2, "R" + doc));
    }

    private static PostingRequest request(long ledgerId, String item, Direction direction, String qty) {
        long doc = DOCUMENT.incrementAndGet();
        return new PostingRequest(ledgerId, "GOODS", item, "8471300000", "笔记本电脑", "台", direction,
                new BigDecimal(qty), doc, "DOC" + doc, "LOGISTICS_ADJUSTMENT", doc, "R" + doc);
    }
}
