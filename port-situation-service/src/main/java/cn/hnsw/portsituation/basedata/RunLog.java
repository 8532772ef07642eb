package cn.hnsw.portsituation.basedata;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * 系统运行日志 (FP 641–644): what this service reports about itself — its {@code event=} lines (receivers started,
 * feeders connected, re-sends asked for…) and every warning and error — taken from the service's own logging as it
 * happens and written, in batches, to {@code run_log} (kept 90 days). Logging never waits for the database: when the
 * queue is full a line is counted and dropped.
 */
@Component
public class RunLog implements SmartLifecycle {

    private static final String OWN = "cn.hnsw.portsituation.";
    private static final String APPENDER = "port-situation-run-log";
    private static final int QUEUE = 10_000;
    private static final Duration KEPT = Duration.ofDays(90);

    /** One line of the run log. */
    public record Line(long id, Instant loggedAt, String level, String logger, String thread, String message) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final BlockingQueue<Line> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong dropped = new AtomicLong();
    private final Appender appender = new Appender();
    private volatile boolean running;
    private Thread writer;
    private Instant lastPurge = Instant.EPOCH;

    public RunLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether a logging event belongs in the run log: this service's event lines, and any warning or error of it. */
    static boolean kept(String logger, Level level, String message) {
        if (logger.startsWith(RunLog.class.getName()) || logger.startsWith("cn.hnsw.simulators.")) {
            return false;
        }
        return level.isGreaterOrEqual(Level.WARN)
                || (logger.startsWith(OWN) && message != null && message.startsWith("event="));
    }

    private final class Appender extends AppenderBase<ILoggingEvent> {
        @Override
        protected void append(ILoggingEvent e) {
            if (!kept(e.getLoggerName(), e.getLevel(), e.getMessage())) {
                return;
            }
            String message = e.getFormattedMessage();
            if (e.getThrowableProxy() != null) {
                message = message + " — " + e.getThrowableProxy().getClassName() + ": "
                        + e.getThrowableProxy().getMessage();
            }
            if (message.length() > 4_000) {
                message = message.substring(0, 4_000);
            }
            if (!queue.offer(new Line(0, Instant.ofEpochMilli(e.getTimeStamp()), e.getLevel().toString(),
                    e.getLoggerName(), e.getThreadName(), message))) {
                dropped.incrementAndGet();
            }
        }
    }

    @Override
    public void start() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            appender.setContext(context);
            appender.setName(APPENDER);
            appender.start();
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
        }
        running = true;
        writer = Thread.ofPlatform().name("run-log-writer").daemon().start(this::drain);
        LoggerFactory.getLogger(RunLog.class.getPackageName() + ".Service")
                .info("event=service-started service=port-situation-service");
    }

    private void drain() {
        while (running || !queue.isEmpty()) {
            try {
                Line first = queue.poll(500, TimeUnit.MILLISECONDS);
                if (first != null) {
                    List<Line> batch = new ArrayList<>();
                    batch.add(first);
                    queue.drainTo(batch, 499);
                    write(batch);
                }
                purge();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                dropped.incrementAndGet();
            }
        }
    }

    private void write(List<Line> batch) {
        jdbc.batchUpdate("INSERT INTO run_log (logged_at, level, logger, thread, message) VALUES (?, ?, ?, ?, ?)",
                batch.stream().map(l -> new Object[]{Timestamp.from(l.loggedAt()), l.level(), l.logger(), l.thread(),
                        l.message()}).toList());
    }

    private void purge() {
        Instant now = clock.instant();
        if (Duration.between(lastPurge, now).toHours() >= 1) {
            lastPurge = now;
            jdbc.update("DELETE FROM run_log WHERE logged_at < ?", Timestamp.from(now.minus(KEPT)));
        }
    }

    /** The lines written so far that match, newest first. */
    public List<Line> search(Search s, int limit, long offset) {
        return jdbc.query("SELECT * FROM run_log" + s.where() + " ORDER BY logged_at DESC, id DESC LIMIT ? OFFSET ?",
                (rs, i) -> new Line(rs.getLong("id"), rs.getTimestamp("logged_at").toInstant(), rs.getString("level"),
                        rs.getString("logger"), rs.getString("thread"), rs.getString("message")),
                s.args(limit, offset));
    }

    public long count(Search s) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM run_log" + s.where(), Long.class, s.args());
        return n == null ? 0 : n;
    }

    static Search search(String level, String q, Instant from, Instant to) {
        Search s = new Search().eq("level", level == null ? null : level.strip().toUpperCase(java.util.Locale.ROOT))
                .word(q, "message", "logger");
        if (from != null) {
            s.condition("logged_at >= ?", Timestamp.from(from));
        }
        if (to != null) {
            s.condition("logged_at < ?", Timestamp.from(to));
        }
        return s;
    }

    public Map<String, Long> stats() {
        return Map.of("queued", (long) queue.size(), "dropped", dropped.get());
    }

    @Override
    public void stop() {
        running = false;
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            root.detachAppender(appender);
        }
        appender.stop();
        if (writer != null) {
            try {
                writer.join(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
