package cn.hnsw.bench.ledger;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.posting.Direction;
import cn.hnsw.ledger.posting.PostingEngine;
import cn.hnsw.ledger.posting.PostingQueue;
import cn.hnsw.ledger.posting.PostingRequest;
import cn.hnsw.ledger.posting.PostingService;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Load driver for issue 5's closing note: postings/s of the ledger service's real {@link PostingQueue} (concurrent
 * postings grouped into one transaction per batch by the {@link PostingEngine}) and of its {@link PostingService} (one
 * transaction per posting, as a receipt books), each with N concurrent writers booking one posting at a time on H hot
 * items, against the floor of a plain JDBC {@code UPDATE ledger_stock SET quantity = quantity - ? WHERE ...} loop
 * (autocommit) on the same database, in the same run: each round starts checkpointed and vacuumed, and its time is cut
 * into short slices in which the three run in an order that rotates from slice to slice. Then M random postings through the queue
 * (increases and decreases, some refused for lack of stock) and a check that every balance equals the sum of its
 * postings (drift must be 0). The load average of the machine is printed at the start and the end.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar cn.hnsw.bench.ledger.PostingThroughputDriver \
 *     [--writers 16] [--items 100] [--seconds 15] [--rounds 2] [--postings 1000000] [--partitions 1] [--max-batch 256] [--slice 2]
 *     [--jdbc-url jdbc:postgresql://…]
 * </pre>
 * Without {@code --jdbc-url} it starts an embedded PostgreSQL 17 with its default, durable settings (fsync and
 * synchronous commit on) in a temporary folder, migrates the ledger schema with Flyway, and removes it at the end.
 */
public final class PostingThroughputDriver {

    private static final AtomicLong DOCUMENT_IDS = new AtomicLong(1);

    public static void main(String[] args) throws Exception {
        int writers = intArg(args, "--writers", 16);
        int items = intArg(args, "--items", 100);
        int seconds = intArg(args, "--seconds", 15);
        int rounds = intArg(args, "--rounds", 2);
        long randomPostings = Long.parseLong(arg(args, "--postings", "1000000"));
        String jdbcUrl = arg(args, "--jdbc-url", null);
        int partitions = intArg(args, "--partitions", 1);
        int maxBatch = intArg(args, "--max-batch", 256);
        double sliceSeconds = Double.parseDouble(arg(args, "--slice", "2"));
        System.out.println("load average at start: " + loadAverage());

        EmbeddedPostgres embedded = null;
        if (jdbcUrl == null) {
            embedded = EmbeddedPostgres.builder().setServerConfig("max_connections", "100").start();
            jdbcUrl = embedded.getJdbcUrl("postgres", "postgres");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(arg(args, "--user", "postgres"));
        config.setPassword(arg(args, "--password", "postgres"));
        config.setMaximumPoolSize(writers + partitions + 2);
        try (HikariDataSource ds = new HikariDataSource(config);
             PostingQueue queue = new PostingQueue(new PostingEngine(ds), new DataSourceTransactionManager(ds),
                     Clock.systemUTC(), partitions, maxBatch)) {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").cleanDisabled(false).load().migrate();
            JdbcClient jdbc = JdbcClient.create(ds);
            PostingService postings = new PostingService(jdbc, new PostingEngine(ds), Clock.systemUTC());
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
            System.out.printf(Locale.ROOT, "ledger posting bench: %d writers, %d hot items, %d s per run, %d rounds, "
                            + "queue with %d partition(s) (batches of at most %d), %s%n", writers, items, seconds, rounds,
                    partitions, maxBatch, embedded == null ? jdbcUrl : "embedded PostgreSQL (durable defaults)");

            long ledgerA = ledger(jdbc, "BENCH-A");
            long ledgerB = ledger(jdbc, "BENCH-B");
            seed(tx, postings, ledgerA, items, "1000000000");
            seed(tx, postings, ledgerB, items, "1000000000");

            long ledgerC = ledger(jdbc, "BENCH-C");
            seed(tx, postings, ledgerC, items, "1000000000");
            List<Double> floor = new ArrayList<>();
            List<Double> ours = new ArrayList<>();
            List<Double> perTransaction = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            // a warm-up round of each, not counted: the first runs of a fresh JVM and database are slower, and the
            // floor runs first
            int warmUp = Math.max(2, seconds / 3);
            run(writers, warmUp, () -> plainUpdate(ds, ledgerB, items));
            run(writers, warmUp, () -> queue.book(List.of(
                    request(ledgerA, "ITEM-" + ThreadLocalRandom.current().nextInt(items), Direction.DECREASE, BigDecimal.ONE))));
            run(writers, warmUp, () -> tx.executeWithoutResult(s -> postings.book(List.of(
                    request(ledgerC, "ITEM-" + ThreadLocalRandom.current().nextInt(items), Direction.DECREASE, BigDecimal.ONE)))));
            for (int r = 1; r <= rounds; r++) {
                // Every round starts from the same state for all three: the previous round's writes checkpointed and
                // the touched tables vacuumed, so neither a checkpoint's full-page writes nor an autovacuum started by
                // one side's rows falls into the other side's time (rounds 2-3 of the earlier bench, which ran the
                // floor first and the queue after a growing posting table, fell to 0.44-0.46 against 0.82 in round 1).
                settle(jdbc);
                long batches = queue.batches();
                long units = queue.units();
                // The round's time is cut into slices of --slice seconds, and the order of the three rotates from one
                // slice to the next (F Q T, Q T F, T F Q, ...): a change of the machine's load during the round falls
                // on all three alike, and none always runs after another.
                double[] done = new double[3];
                Runnable[] ops = {
                        () -> plainUpdate(ds, ledgerB, items),
                        () -> queue.book(List.of(request(ledgerA, "ITEM-" + ThreadLocalRandom.current().nextInt(items),
                                Direction.DECREASE, BigDecimal.ONE))),
                        // the receipt path: one transaction per posting unit, in the caller's transaction
                        () -> tx.executeWithoutResult(s -> postings.book(List.of(request(ledgerC,
                                "ITEM-" + ThreadLocalRandom.current().nextInt(items), Direction.DECREASE, BigDecimal.ONE))))};
                int slices = Math.max(1, (int) Math.round(seconds / sliceSeconds));
                for (int i = 0; i < slices; i++) {
                    for (int k = 0; k < 3; k++) {
                        int which = (i + k) % 3;
                        done[which] += run(writers, sliceSeconds, ops[which]);
                    }
                }
                double f = done[0] / slices;
                double q = done[1] / slices;
                double t = done[2] / slices;
                floor.add(f);
                ours.add(q);
                perTransaction.add(t);
                double meanBatch = (queue.units() - units) / (double) Math.max(1, queue.batches() - batches);
                ratios.add(q / f);
                System.out.printf(Locale.ROOT, "round %d (%d slices of %.1f s, order rotating): plain JDBC UPDATE %.0f/s, "
                        + "PostingQueue %.0f/s (ratio %.2f, mean batch %.1f units), PostingService one transaction per "
                        + "posting %.0f/s (ratio %.2f); load %s%n", r, slices, sliceSeconds, f, q, q / f, meanBatch, t,
                        t / f, loadAverage());
            }
            double f = mean(floor);
            double q = mean(ours);
            double t = mean(perTransaction);
            System.out.printf(Locale.ROOT, "MEAN: plain JDBC UPDATE %.0f/s, PostingQueue %.0f/s, ratio %.2f (goal >= 0.50); "
                    + "PostingService one transaction per posting %.0f/s, ratio %.2f; median of the rounds' queue ratios %.2f%n",
                    f, q, q / f, t, t / f, ratios.stream().sorted().toList().get(ratios.size() / 2));

            if (randomPostings > 0) {
                drift(jdbc, queue, writers, items, randomPostings);
            }
            System.out.println("load average at end: " + loadAverage());
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private static void drift(JdbcClient jdbc, PostingQueue queue, int writers, int items, long total)
            throws InterruptedException {
        long ledger = ledger(jdbc, "BENCH-DRIFT");
        LongAdder booked = new LongAdder();
        LongAdder refused = new LongAdder();
        AtomicLong remaining = new AtomicLong(total);
        Instant start = Instant.now();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            Thread t = Thread.ofPlatform().start(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (remaining.getAndDecrement() > 0) {
                    Direction d = random.nextInt(100) < 55 ? Direction.INCREASE : Direction.DECREASE;
                    BigDecimal qty = BigDecimal.valueOf(random.nextInt(1, 10_000), 2);
                    try {
                        queue.book(List.of(request(ledger, "ITEM-" + random.nextInt(items), d, qty)));
                        booked.increment();
                    } catch (HnswException e) {
                        refused.increment();
                    }
                }
            });
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        Duration took = Duration.between(start, Instant.now());
        long drifted = jdbc.sql("""
                        SELECT count(*) FROM ledger_stock s WHERE s.ledger_id = :l AND s.quantity <> coalesce((
                            SELECT sum(CASE p.direction WHEN 'INCREASE' THEN p.quantity ELSE -p.quantity END)
                            FROM ledger_posting p WHERE p.stock_id = s.id), 0)""")
                .param("l", ledger).query(Long.class).single();
        long negative = jdbc.sql("SELECT count(*) FROM ledger_stock WHERE ledger_id = :l AND quantity < 0")
                .param("l", ledger).query(Long.class).single();
        long rows = jdbc.sql("SELECT count(*) FROM ledger_posting WHERE ledger_id = :l").param("l", ledger)
                .query(Long.class).single();
        System.out.printf(Locale.ROOT, "RANDOM: %d postings attempted in %ds (%.0f/s): %d booked, %d refused (insufficient stock); "
                        + "posting rows %d; items whose balance differs from the sum of postings: %d; negative balances: %d%n",
                total, took.toSeconds(), total / Math.max(0.001, took.toMillis() / 1000.0), booked.sum(), refused.sum(),
                rows, drifted, negative);
        if (drifted != 0 || negative != 0 || rows != booked.sum()) {
            System.out.println("DRIFT DETECTED");
            System.exit(1);
        }
    }

    /** Checkpoints and vacuums what the previous round wrote, so that each round starts from the same state. */
    private static void settle(JdbcClient jdbc) {
        jdbc.sql("CHECKPOINT").update();
        jdbc.sql("VACUUM (ANALYZE) ledger_stock").update();
        jdbc.sql("VACUUM (ANALYZE) ledger_posting").update();
    }

    private static void plainUpdate(HikariDataSource ds, long ledger, int items) {
        try (Connection c = ds.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "UPDATE ledger_stock SET quantity = quantity - ? WHERE ledger_id = ? AND item_no = ?")) {
            s.setBigDecimal(1, BigDecimal.ONE);
            s.setLong(2, ledger);
            s.setString(3, "ITEM-" + ThreadLocalRandom.current().nextInt(items));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double run(int writers, double seconds, Runnable op) throws InterruptedException {
        LongAdder done = new LongAdder();
        CountDownLatch ready = new CountDownLatch(1);
        long nanos = (long) (seconds * 1e9);
        // deadlines set once every writer is started: [0] end of the warm-up (a tenth of the run, not counted), [1] end
        long[] deadlines = new long[2];
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    ready.await();
                } catch (InterruptedException e) {
                    return;
                }
                while (System.nanoTime() < deadlines[0]) {
                    op.run();
                }
                while (System.nanoTime() < deadlines[1]) {
                    op.run();
                    done.increment();
                }
            }));
        }
        long start = System.nanoTime();
        deadlines[0] = start + nanos / 10;
        deadlines[1] = start + nanos;
        ready.countDown();
        for (Thread t : threads) {
            t.join();
        }
        return done.sum() / (seconds * 0.9);
    }

    private static long ledger(JdbcClient jdbc, String no) {
        return jdbc.sql("""
                        INSERT INTO ledger (ledger_no, enterprise, enterprise_name, ledger_type, status, setup_document_id, created_at)
                        VALUES (:no, '91460000MA5T8XQ21K', '基准测试', 'LOGISTICS', 'ACTIVE', 0, :at) RETURNING id""")
                .param("no", no + "-" + System.nanoTime()).param("at", Timestamp.from(Instant.now())).query(Long.class).single();
    }

    private static void seed(TransactionTemplate tx, PostingService postings, long ledger, int items, String qty) {
        for (int i = 0; i < items; i++) {
            String item = "ITEM-" + i;
            tx.executeWithoutResult(s -> postings.book(List.of(request(ledger, item, Direction.INCREASE, new BigDecimal(qty)))));
        }
    }

    private static PostingRequest request(long ledger, String item, Direction direction, BigDecimal qty) {
        long doc = DOCUMENT_IDS.getAndIncrement();
        return new PostingRequest(ledger, "GOODS", item, "8471300000", "笔记本电脑", "台", direction, qty, doc,
                "BENCH" + doc, "LOGISTICS_ADJUSTMENT", doc, "R" + doc);
    }

    private static double mean(List<Double> values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.isEmpty() ? 0 : sum / values.size();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static int intArg(String[] args, String name, int fallback) {
        return Integer.parseInt(arg(args, name, String.valueOf(fallback)));
    }

    private PostingThroughputDriver() {
    }
}
