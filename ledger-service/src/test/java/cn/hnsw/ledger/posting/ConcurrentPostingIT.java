package cn.hnsw.ledger.posting;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.document.LedgerType;
import cn.hnsw.ledger.support.LedgerIntegrationTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Many threads booking on the same few items at once: stock never negative, exactly the postings that fit succeed,
 * the balance is the sum of the postings, and each balance-after continues the previous one.
 */
class ConcurrentPostingIT extends LedgerIntegrationTestBase {

    @Autowired
    PostingService postings;
    @Autowired
    LedgerRepository ledgers;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    private static final AtomicLong DOCUMENT = new AtomicLong(1_000_000);

    @Test
    void thirtyTwoThreadsOnThreeHotItemsNeverDriveStockNegative() throws Exception {
        long ledgerId = ledgers.create("HNZBTEST" + System.nanoTime() % 1_000_000, YANGPU_TRADING, "测试",
                LedgerType.LOGISTICS, 0, Instant.now());
        String[] items = {"HOT-1", "HOT-2", "HOT-3"};
        for (String item : items) {
            tx.executeWithoutResult(s -> postings.book(List.of(request(ledgerId, item, Direction.INCREASE, "1000"))));
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
                    // mostly decreases of 7, some increases of 3: demand exceeds stock on purpose
                    Direction direction = (i % 5 == 4) ? Direction.INCREASE : Direction.DECREASE;
                    String qty = direction == Direction.INCREASE ? "3" : "7";
                    try {
                        tx.executeWithoutResult(s -> postings.book(List.of(request(ledgerId, item, direction, qty))));
                        booked.incrementAndGet();
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
        assertThat(booked.get() + refused.get()).isEqualTo(threads * perThread);
        for (LedgerStock s : ledgers.stock(ledgerId)) {
            assertThat(s.quantity()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
            assertThat(s.quantity()).isEqualByComparingTo(s.postedTotal());
            List<LedgerPosting> chain = ledgers.chain(s.id());
            BigDecimal running = BigDecimal.ZERO;
            for (LedgerPosting p : chain) {
                running = p.direction() == Direction.INCREASE ? running.add(p.quantity()) : running.subtract(p.quantity());
                assertThat(p.balanceAfter()).as("posting %s continues the chain", p.id()).isEqualByComparingTo(running);
            }
        }
        long postingsBooked = jdbc.sql("SELECT count(*) FROM ledger_posting WHERE ledger_id = :l").param("l", ledgerId)
                .query(Long.class).single();
        assertThat(postingsBooked).isEqualTo(booked.get() + items.length);
    }

    @Test
    void theSameLineCannotBeBookedTwiceAndAFailedBookingLeavesNoTrace() {
        long ledgerId = ledgers.create("HNZBTEST" + System.nanoTime() % 1_000_000, YANGPU_TRADING, "测试",
                LedgerType.LOGISTICS, 0, Instant.now());
        PostingRequest in = request(ledgerId, "ONCE", Direction.INCREASE, "10");
        tx.executeWithoutResult(s -> postings.book(List.of(in)));
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> postings.book(List.of(in))))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        // a document whose second line does not fit books neither line
        PostingRequest fits = request(ledgerId, "ONCE", Direction.DECREASE, "4");
        PostingRequest tooMuch = new PostingRequest(ledgerId, "GOODS", "ONCE", "8471300000", "测试", "台",
                Direction.DECREASE, new BigDecimal("7"), fits.documentId(), "DOC", "LOGISTICS_EXIT_GENERAL",
                fits.lineId() + 1, "R");
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> postings.book(List.of(fits, tooMuch))))
                .isInstanceOf(HnswException.class);
        assertThat(postings.available(ledgerId, "ONCE")).isEqualByComparingTo("10");
    }

    private static PostingRequest request(long ledgerId, String item, Direction direction, String qty) {
        long doc = DOCUMENT.incrementAndGet();
        return new PostingRequest(ledgerId, "GOODS", item, "8471300000", "笔记本电脑", "台", direction,
                new BigDecimal(qty), doc, "DOC" + doc, "LOGISTICS_ADJUSTMENT", doc, "R" + doc);
    }
}
