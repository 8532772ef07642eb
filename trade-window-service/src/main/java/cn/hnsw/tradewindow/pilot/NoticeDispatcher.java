package cn.hnsw.tradewindow.pilot;

import cn.hnsw.tradewindow.partner.NoticeGateway;
import cn.hnsw.tradewindow.pilot.PilotRecordsRepository.NotificationRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * Sends the PENDING notices that {@link PilotNotices} wrote, in batches, through the notice adapter (统一代办 / SMS),
 * and marks each SENT or FAILED. Runs on a short fixed delay, off the approvers' requests; several instances of the
 * service share the work (rows are locked with SKIP LOCKED).
 */
@Component
public class NoticeDispatcher {

    private static final Logger log = LoggerFactory.getLogger(NoticeDispatcher.class);
    static final int BATCH = 50;

    private final PilotRecordsRepository records;
    private final NoticeGateway gateway;
    private final Clock clock;

    public NoticeDispatcher(PilotRecordsRepository records, NoticeGateway gateway, Clock clock) {
        this.records = records;
        this.gateway = gateway;
        this.clock = clock;
    }

    /** Sends one batch; returns how many notices it handled. */
    @Scheduled(initialDelayString = "${tradewindow.notices.initial-delay:PT5S}",
            fixedDelayString = "${tradewindow.notices.interval:PT2S}")
    @Transactional
    public int dispatch() {
        var batch = records.lockPending(BATCH);
        for (NotificationRecord n : batch) {
            String status = "SENT";
            try {
                gateway.send(n.channel(), n.recipient(), n.content(), n.businessId());
            } catch (RuntimeException e) {
                status = "FAILED";
                log.warn("event=notice-failed channel={} business={} kind={} cause={}", n.channel(), n.businessId(),
                        n.kind(), e.toString());
            }
            records.markNotification(n.id(), status, clock.instant());
        }
        return batch.size();
    }

    /** Sends every pending notice now (used when a caller must see the result, e.g. after a resend). */
    public int dispatchAll() {
        int total = 0;
        int n;
        do {
            n = dispatch();
            total += n;
        } while (n == BATCH);
        return total;
    }
}
