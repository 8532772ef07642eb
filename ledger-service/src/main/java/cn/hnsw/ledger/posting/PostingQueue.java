package cn.hnsw.ledger.posting;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * 记账队列 — group commit for postings that are their own unit of work (a reversal on customs' withdrawal, an
 * adjustment). Callers hand in a unit (postings that book all or nothing, plus optional work that must commit with
 * them, such as an idempotency marker and an outbox event) and wait; the units waiting together are booked with the
 * {@link PostingEngine} in one statement (in one transaction with the units' own work where they have some) instead of
 * a transaction per posting.
 * <p>
 * How units are grouped:
 * <ul>
 *   <li><b>Partitions by stock item.</b> A unit goes to the partition of its first posting's item (ledger and item
 *       number). Batches of different partitions run at the same time on different connections and, for units of one
 *       item, never wait for each other's row locks; batches of one partition run one after the other.</li>
 *   <li><b>The caller books.</b> There are no committer threads: a caller whose partition is idle takes every unit
 *       waiting there (its own included, at most {@code maxBatch}) and books them on its own thread; callers that
 *       arrive meanwhile wait, and the booking caller, when done, wakes the next waiting caller to book the units that
 *       gathered (the way a database flushes its log for a group of commits). A unit thus costs one hand-over at most,
 *       where a committer thread cost two (to the committer and back).</li>
 * </ul>
 * A unit refused for lack of stock does not hold the others back (the engine refuses it before writing anything). A
 * unit whose own work fails, or whose line another transaction booked meanwhile, rolls the batch back; the batch is then
 * retried without it (or unit by unit where the culprit is unknown), so each caller gets exactly its own outcome.
 * Correctness does not rest on the partitions: the engine locks the stock rows it changes (in id order), so units that
 * span items of several partitions are still booked correctly.
 * <p>
 * A caller must not be inside a transaction: its unit commits in the batch's transaction, not in the caller's.
 */
@Component
public class PostingQueue implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostingQueue.class);

    private static final class Unit {
        final List<PostingRequest> requests;
        final Consumer<List<LedgerPosting>> inSameTransaction;
        final CompletableFuture<List<LedgerPosting>> result = new CompletableFuture<>();
        /** The thread that waits for (and may book) this unit. */
        volatile Thread waiter;

        Unit(List<PostingRequest> requests, Consumer<List<LedgerPosting>> inSameTransaction) {
            this.requests = requests;
            this.inSameTransaction = inSameTransaction;
        }
    }

    private static final class Partition {
        final ConcurrentLinkedQueue<Unit> waiting = new ConcurrentLinkedQueue<>();
        /** Held by the caller that is booking this partition's batch. */
        final AtomicBoolean booking = new AtomicBoolean();
    }

    private static final class UnitFailed extends RuntimeException {
        final transient Unit unit;

        UnitFailed(Unit unit, RuntimeException cause) {
            super(cause);
            this.unit = unit;
        }
    }

    private final PostingEngine engine;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int maxBatch;
    private final Partition[] partitions;
    private volatile boolean closed;
    private final LongAdder batches = new LongAdder();
    private final LongAdder units = new LongAdder();

    public PostingQueue(PostingEngine engine, PlatformTransactionManager transactionManager, Clock clock,
                        @Value("${hnsw.ledger.posting.partitions:1}") int partitions,
                        @Value("${hnsw.ledger.posting.max-batch:256}") int maxBatch) {
        if (partitions < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("partitions and max-batch must be at least 1");
        }
        this.engine = engine;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.maxBatch = maxBatch;
        this.partitions = new Partition[partitions];
        for (int i = 0; i < partitions; i++) {
            this.partitions[i] = new Partition();
        }
    }

    /** Books {@code requests} as one unit and waits for the outcome. */
    public List<LedgerPosting> book(List<PostingRequest> requests) {
        return book(requests, null);
    }

    /**
     * Books {@code requests} as one unit and runs {@code inSameTransaction} with the booked postings in the same
     * transaction; waits for the commit (booking it, and the units waiting with it, on this thread where the partition
     * is idle).
     *
     * @throws cn.hnsw.common.web.HnswException {@code INSUFFICIENT_STOCK} when a decrease is not covered
     * @throws org.springframework.dao.DuplicateKeyException when a line is booked already
     * @throws RuntimeException whatever {@code inSameTransaction} threw (nothing of the unit is then stored)
     */
    public List<LedgerPosting> book(List<PostingRequest> requests, Consumer<List<LedgerPosting>> inSameTransaction) {
        Unit unit = unit(requests, inSameTransaction);
        unit.waiter = Thread.currentThread();
        Partition p = partitionOf(unit);
        p.waiting.add(unit);
        await(p, unit);
        try {
            return unit.result.get();
        } catch (InterruptedException e) {
            // await returned because the unit is done, so get() does not block; keep the flag for the caller
            Thread.currentThread().interrupt();
            return unit.result.join();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new CompletionException(e.getCause());
        }
    }

    /** Hands the unit in without waiting; a virtual thread waits for it (and books it where the partition is idle). */
    public CompletableFuture<List<LedgerPosting>> submit(List<PostingRequest> requests,
                                                         Consumer<List<LedgerPosting>> inSameTransaction) {
        Unit unit = unit(requests, inSameTransaction);
        Partition p = partitionOf(unit);
        Thread waiter = Thread.ofVirtual().name("posting-submit").unstarted(() -> await(p, unit));
        unit.waiter = waiter;
        p.waiting.add(unit);
        waiter.start();
        return unit.result;
    }

    private Unit unit(List<PostingRequest> requests, Consumer<List<LedgerPosting>> inSameTransaction) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("the posting queue commits in its own transaction; call it outside one");
        }
        if (closed) {
            throw new IllegalStateException("the posting queue is closed");
        }
        for (PostingRequest r : requests) {
            if (r.quantity() == null || r.quantity().signum() <= 0) {
                throw new IllegalArgumentException("posting quantity must be positive");
            }
        }
        return new Unit(List.copyOf(requests), inSameTransaction);
    }

    private Partition partitionOf(Unit unit) {
        if (unit.requests.isEmpty()) {
            // only work of its own (a marker where nothing was left to reverse)
            return partitions[0];
        }
        PostingRequest first = unit.requests.getFirst();
        return partitions[Math.floorMod(Objects.hash(first.ledgerId(), first.itemNo()), partitions.length)];
    }

    /**
     * Waits until the unit is done; whenever the partition is idle meanwhile, books what waits there. Interrupts do not
     * end the wait (the unit is in the partition and will be booked; leaving would leave nobody to hand over to), they
     * are kept for the caller.
     */
    private void await(Partition p, Unit unit) {
        boolean interrupted = false;
        while (!unit.result.isDone()) {
            if (p.booking.compareAndSet(false, true)) {
                List<Unit> batch = new ArrayList<>();
                try {
                    Unit u;
                    while (batch.size() < maxBatch && (u = p.waiting.poll()) != null) {
                        batch.add(u);
                    }
                    if (!batch.isEmpty()) {
                        batches.increment();
                        units.add(batch.size());
                        commit(batch);
                    }
                } catch (RuntimeException | Error e) {
                    log.error("event=posting-batch-failed units={}", batch.size(), e);
                    batch.forEach(b -> fail(b, e));
                } finally {
                    p.booking.set(false);
                }
                // hand over: the first caller still waiting books the units that gathered meanwhile
                Unit next = p.waiting.peek();
                if (next != null && next != unit) {
                    LockSupport.unpark(next.waiter);
                }
                continue;
            }
            LockSupport.park(this);
            if (Thread.interrupted()) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void complete(Unit unit, List<LedgerPosting> postings) {
        unit.result.complete(postings);
        LockSupport.unpark(unit.waiter);
    }

    private static void fail(Unit unit, Throwable e) {
        unit.result.completeExceptionally(e);
        LockSupport.unpark(unit.waiter);
    }

    private void commit(List<Unit> batch) {
        List<Unit> pending = new ArrayList<>(batch);
        while (!pending.isEmpty()) {
            try {
                boolean ownWork = pending.stream().anyMatch(u -> u.inSameTransaction != null);
                // without work of their own, the units need no transaction around the one booking statement
                List<PostingEngine.Outcome> outcomes = ownWork ? transaction.execute(status -> bookWithWork(pending))
                        : engine.book(pending.stream().map(u -> u.requests).toList(), clock.instant());
                for (int i = 0; i < pending.size(); i++) {
                    PostingEngine.Outcome o = Objects.requireNonNull(outcomes).get(i);
                    if (o.booked()) {
                        complete(pending.get(i), o.postings());
                    } else {
                        fail(pending.get(i), o.refusal());
                    }
                }
                return;
            } catch (UnitFailed f) {
                fail(f.unit, f.getCause());
                pending.remove(f.unit);
            } catch (RuntimeException e) {
                if (pending.size() == 1) {
                    fail(pending.getFirst(), e);
                    return;
                }
                // someone's line was booked by another transaction meanwhile, or the database hiccuped: book each
                // unit on its own so that only the culprit fails
                log.info("event=posting-batch-split units={} cause={}", pending.size(), e.toString());
                for (Unit u : pending) {
                    commit(new ArrayList<>(List.of(u)));
                }
                return;
            }
        }
    }

    /** Batches booked so far (a split batch counts once). */
    public long batches() {
        return batches.sum();
    }

    /** Units booked so far; {@code units() / batches()} is the mean batch size. */
    public long units() {
        return units.sum();
    }

    private List<PostingEngine.Outcome> bookWithWork(List<Unit> pending) {
        List<PostingEngine.Outcome> out = engine.book(pending.stream().map(u -> u.requests).toList(), clock.instant());
        for (int i = 0; i < out.size(); i++) {
            Unit u = pending.get(i);
            if (out.get(i).booked() && u.inSameTransaction != null) {
                try {
                    u.inSameTransaction.accept(out.get(i).postings());
                } catch (RuntimeException e) {
                    throw new UnitFailed(u, e);
                }
            }
        }
        return out;
    }

    /** Refuses new units; units already handed in are still booked by their callers. */
    @Override
    public void close() {
        closed = true;
    }
}
