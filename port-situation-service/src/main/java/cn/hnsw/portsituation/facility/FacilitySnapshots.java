package cn.hnsw.portsituation.facility;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps, every ten minutes, each port's facility counts per kind (total, online, at fault) in
 * {@code facility_snapshot}: the online-rate and fault-rate trends of the facility monitoring read them.
 */
@Component
public class FacilitySnapshots implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FacilitySnapshots.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "facility-snapshots");
        t.setDaemon(true);
        return t;
    });

    FacilitySnapshots(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        executor.scheduleWithFixedDelay(() -> {
            try {
                take();
            } catch (RuntimeException e) {
                log.warn("event=facility-snapshot-failed error={}", e.toString());
            }
        }, 1, 10, TimeUnit.MINUTES);
    }

    /** Takes one snapshot now (to the minute); a second one in the same minute changes nothing. Returns its time. */
    public Instant take() {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        jdbc.update("""
                INSERT INTO facility_snapshot (port_code, kind, taken_at, total, online, fault)
                SELECT port_code, kind, ?, count(*), count(*) FILTER (WHERE status = 'ONLINE'),
                       count(*) FILTER (WHERE status = 'FAULT')
                FROM facility GROUP BY port_code, kind
                ON CONFLICT (port_code, kind, taken_at) DO NOTHING
                """, Timestamp.from(at));
        return at;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
