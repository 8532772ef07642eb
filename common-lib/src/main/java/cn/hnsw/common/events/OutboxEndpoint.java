package cn.hnsw.common.events;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.lang.Nullable;

import java.util.List;
import java.util.UUID;

/**
 * {@code /actuator/outbox}: the outbox for operators. GET shows the counts and the failing and oldest pending events;
 * POST {@code {"eventId": "..."}} retries that event's aggregate now, POST {@code {}} retries everything now.
 * Like every actuator endpoint it is off the web until {@code management.endpoints.web.exposure.include} names it,
 * and the service's security decides who may call it.
 */
@Endpoint(id = "outbox")
public class OutboxEndpoint {

    private static final int LIST_SIZE = 50;

    private final OutboxAdmin admin;

    public OutboxEndpoint(OutboxAdmin admin) {
        this.admin = admin;
    }

    @ReadOperation
    public Report report() {
        return new Report(admin.stats(), admin.failing(LIST_SIZE), admin.pending(LIST_SIZE));
    }

    @WriteOperation
    public Retried retry(@Nullable UUID eventId) {
        return new Retried(eventId == null ? admin.retryAllNow() : admin.retryNow(eventId));
    }

    /** What the outbox holds. */
    public record Report(OutboxStats stats, List<OutboxEntry> failing, List<OutboxEntry> oldestPending) {
    }

    /** How many pending events had their backoff ended. */
    public record Retried(int released) {
    }
}
