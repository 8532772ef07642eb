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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * 记账队列 — group commit for postings that are their own unit of work (a reversal on customs' withdrawal, an
 * adjustment). Callers hand in a unit (postings that book all or nothing, plus optional work that must commit with
 * them, such as an idempotency marker and an outbox event) and wait; a few committer threads take whatever units are
 * waiting, up to {@code maxBatch}, and book them with the {@link PostingEngine} in one statement (in one transaction
 * with the units' own work where they have some) instead of a transaction per posting.
 * <p>
 * A unit refused for lack of stock does not hold the others back (the engine refuses it before writing anything). A
 * unit whose own work fails, or whose line another transaction booked meanwhile, rolls the batch back; the batch is then
 * retried without it (or unit by unit where the culprit is unknown), so each caller gets exactly its own outcome.
 * <p>
 * A caller must not be inside a transaction: its unit commits in the committer's transaction, not in the caller's.
 */
@Component
public class PostingQueue implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostingQueue.class);

    private record Unit(List<PostingRequest> requests, Consumer<List<LedgerPosting>> inSameTransaction,
                        CompletableFuture<List<LedgerPosting>> result) {
    }

    private static final class UnitFailed extends RuntimeException {
        final transient Unit unit;

        UnitFailed(Unit unit, RuntimeException cause) {
            super(cause);
            this.unit = unit;
        }
    }

    private static final Unit STOP = new Unit(List.of(), null, null);

    private final PostingEngine engine;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int maxBatch;
    private final BlockingQueue<Unit> waiting = new LinkedBlockingQueue<>();
    private final List<Thread> committers = new ArrayList<>();
    private volatile boolean closed;
    private final java.util.concurrent.atomic.LongAdder batches = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder units = new java.util.concurrent.atomic.LongAdder();

    public PostingQueue(PostingEngine engine, PlatformTransactionManager transactionManager, Clock clock,
                        @Value("${hnsw.ledger.posting.committers:2}") int committers,
                        @Value("${hnsw.ledger.posting.max-batch:256}") int maxBatch) {
        if (committers < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("committers and max-batch must be at least 1");
        }
        this.engine = engine;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.maxBatch = maxBatch;
        for (int i = 0; i < committers; i++) {
            this.committers.add(Thread.ofPlatform().daemon().name("posting-committer-" + i).start(this::commitLoop));
        }
    }

    /** Books {@code requests} as one unit and waits for the outcome. */
    public List<LedgerPosting> book(List<PostingRequest> requests) {
        return book(requests, null);
    }

    /**
     * Books {@code requests} as one unit and runs {@code inSameTransaction} with the booked postings in the same
     * transaction; waits for the commit.
     *
     * @throws cn.hnsw.common.web.HnswException {@code INSUFFICIENT_STOCK} when a decrease is not covered
     * @throws org.springframework.dao.DuplicateKeyException when a line is booked already
     * @throws RuntimeException whatever {@code inSameTransaction} threw (nothing of the unit is then stored)
     */
    public List<LedgerPosting> book(List<PostingRequest> requests, Consumer<List<LedgerPosting>> inSameTransaction) {
        try {
            return submit(requests, inSameTransaction).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for the posting queue");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new CompletionException(e.getCause());
        }
    }

    public CompletableFuture<List<LedgerPosting>> submit(List<PostingRequest> requests,
                                                         Consumer<List<LedgerPosting>> inSameTransaction) {
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
        Unit unit = new Unit(List.copyOf(requests), inSameTransaction, new CompletableFuture<>());
        waiting.add(unit);
        return unit.result();
    }

    private void commitLoop() {
        List<Unit> batch = new ArrayList<>(maxBatch);
        while (true) {
            try {
                Unit first = waiting.take();
                if (first == STOP) {
                    return;
                }
                batch.add(first);
                waiting.drainTo(batch, maxBatch - 1);
                long stops = batch.stream().filter(u -> u == STOP).count();
                if (stops > 0) {
                    // closing: finish this batch, leave the stop signals for this and the other committers
                    batch.removeIf(u -> u == STOP);
                    for (long i = 0; i < stops; i++) {
                        waiting.add(STOP);
                    }
                }
                if (!batch.isEmpty()) {
                    batches.increment();
                    units.add(batch.size());
                    commit(batch);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | Error e) {
                log.error("event=posting-batch-failed units={}", batch.size(), e);
                batch.forEach(u -> u.result().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Unit> batch) {
        List<Unit> pending = new ArrayList<>(batch);
        while (!pending.isEmpty()) {
            try {
                boolean ownWork = pending.stream().anyMatch(u -> u.inSameTransaction() != null);
                // without work of their own, the units need no transaction around the one booking statement
                List<PostingEngine.Outcome> outcomes = ownWork ? transaction.execute(status -> bookWithWork(pending))
                        : engine.book(pending.stream().map(Unit::requests).toList(), clock.instant());
                for (int i = 0; i < pending.size(); i++) {
                    PostingEngine.Outcome o = outcomes.get(i);
                    if (o.booked()) {
                        pending.get(i).result().complete(o.postings());
                    } else {
                        pending.get(i).result().completeExceptionally(o.refusal());
                    }
                }
                return;
            } catch (UnitFailed f) {
                f.unit.result().completeExceptionally(f.getCause());
                pending.remove(f.unit);
            } catch (RuntimeException e) {
                if (pending.size() == 1) {
                    pending.getFirst().result().completeExceptionally(e);
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

    /** Batches taken so far (a split batch counts once). */
    public long batches() {
        return batches.sum();
    }

    /** Units taken so far; {@code units() / batches()} is the mean batch size. */
    public long units() {
        return units.sum();
    }

    private List<PostingEngine.Outcome> bookWithWork(List<Unit> pending) {
        List<PostingEngine.Outcome> out = engine.book(pending.stream().map(Unit::requests).toList(), clock.instant());
        for (int i = 0; i < out.size(); i++) {
            Unit u = pending.get(i);
            if (out.get(i).booked() && u.inSameTransaction() != null) {
                try {
                    u.inSameTransaction().accept(out.get(i).postings());
                } catch (RuntimeException e) {
                    throw new UnitFailed(u, e);
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        closed = true;
        for (int i = 0; i < committers.size(); i++) {
            waiting.add(STOP);
        }
        for (Thread t : committers) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        Unit left;
        while ((left = waiting.poll()) != null) {
            if (left != STOP) {
                left.result().completeExceptionally(new IllegalStateException("the posting queue closed"));
            }
        }
    }
}
