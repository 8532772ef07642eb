package cn.hnsw.customs.secondline;

import cn.hnsw.common.events.OutboxPublisher;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.security.EnterpriseScope;
import cn.hnsw.common.web.HnswException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * 数据订阅 (FP 459–472, 569–574, spec §3.6, R19): an enterprise subscribes to a content for a validity period, extends or
 * cancels it; while it is active, matching data is pushed: stored as a delivery the enterprise (or its ERP) pulls, and
 * published as {@code hnsw.customs.subscription-data-pushed}. Each source record is delivered once per subscription.
 */
@Service
public class SubscriptionService {

    public static final String TOPIC = "hnsw.customs.subscription-data-pushed";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** What can be subscribed to. */
    public enum Content {
        /** 二线报关单回执: the receipts of the enterprise's second-line declarations. */
        SECOND_LINE_RECEIPTS,
        /** 核注清单: lists pulled for the enterprise. */
        VERIFICATION_LISTS,
        /** 运抵回执: control, inspection, vehicle and gate-pass receipts of arrival reports of its goods. */
        ARRIVAL_RECEIPTS
    }

    public enum Status { ACTIVE, CANCELLED }

    public record Subscription(UUID id, String enterpriseUscc, Content content, LocalDate validFrom, LocalDate validTo,
                               Status status, int extensions, String createdBy, Instant createdAt, Instant updatedAt) {
    }

    public record Delivery(UUID id, UUID subscriptionId, String sourceKey, Content content, String payload,
                           Instant deliveredAt) {
    }

    /** The event published for each delivery. */
    public record DataPushed(UUID deliveryId, UUID subscriptionId, String enterpriseUscc, Content content,
                             String sourceKey, String payload, Instant deliveredAt) {
    }

    private final JdbcClient jdbc;
    private final OutboxPublisher outbox;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    private final java.util.List<SubscriptionObserver> observers;

    public SubscriptionService(JdbcClient jdbc, OutboxPublisher outbox, ObjectMapper json,
                               java.util.List<SubscriptionObserver> observers) {
        this.observers = observers;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.json = json;
    }

    @Transactional
    public Subscription subscribe(CurrentActor actor, Content content, LocalDate from, LocalDate to) {
        String enterprise = SecondLineService.enterpriseOf(actor);
        if (content == null || from == null || to == null || from.isAfter(to) || to.isAfter(from.plusYears(1))) {
            throw new HnswException(SecondLineErrorCode.SUBSCRIPTION_PERIOD_INVALID);
        }
        Long overlapping = jdbc.sql("""
                SELECT count(*) FROM data_subscription WHERE enterprise_uscc = :e AND content = :c AND status = 'ACTIVE'
                  AND valid_from <= :t AND valid_to >= :f""")
                .param("e", enterprise).param("c", content.name()).param("f", Date.valueOf(from)).param("t", Date.valueOf(to))
                .query(Long.class).single();
        if (overlapping > 0) {
            throw new HnswException(SecondLineErrorCode.SUBSCRIPTION_EXISTS);
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO data_subscription (id, enterprise_uscc, content, valid_from, valid_to, status, created_by,
                  created_at, updated_at) VALUES (:id, :e, :c, :f, :t, 'ACTIVE', :by, :now, :now)""")
                .param("id", id).param("e", enterprise).param("c", content.name()).param("f", Date.valueOf(from))
                .param("t", Date.valueOf(to)).param("by", actor.username()).param("now", Timestamp.from(now)).update();
        return find(id).orElseThrow();
    }

    /** 延期申请 (FP 464): a later end, still within a year of the start. */
    @Transactional
    public Subscription extend(CurrentActor actor, UUID id, LocalDate newEnd) {
        Subscription s = own(actor, id);
        if (s.status() != Status.ACTIVE) {
            throw new HnswException(SecondLineErrorCode.SUBSCRIPTION_STATE, s.status().name(), "延期");
        }
        if (newEnd == null || !newEnd.isAfter(s.validTo()) || newEnd.isAfter(s.validFrom().plusYears(1))) {
            throw new HnswException(SecondLineErrorCode.SUBSCRIPTION_EXTENSION_INVALID);
        }
        jdbc.sql("UPDATE data_subscription SET valid_to = :t, extensions = extensions + 1, updated_at = :now WHERE id = :id")
                .param("id", id).param("t", Date.valueOf(newEnd)).param("now", Timestamp.from(clock.instant())).update();
        return find(id).orElseThrow();
    }

    /** 取消 (FP 463). */
    @Transactional
    public Subscription cancel(CurrentActor actor, UUID id) {
        Subscription s = own(actor, id);
        if (s.status() != Status.ACTIVE) {
            throw new HnswException(SecondLineErrorCode.SUBSCRIPTION_STATE, s.status().name(), "取消");
        }
        jdbc.sql("UPDATE data_subscription SET status = 'CANCELLED', updated_at = :now WHERE id = :id")
                .param("id", id).param("now", Timestamp.from(clock.instant())).update();
        return find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<Subscription> list(CurrentActor actor, String enterprise) {
        String scoped = EnterpriseScope.restrictionFor(actor).orElse(enterprise);
        return jdbc.sql("SELECT * FROM data_subscription WHERE (CAST(:e AS varchar) IS NULL OR enterprise_uscc = :e) ORDER BY created_at DESC")
                .param("e", scoped).query(this::map).list();
    }

    /** 接收推送数据 (FP 465): what was pushed under a subscription, oldest first. */
    @Transactional(readOnly = true)
    public List<Delivery> deliveries(CurrentActor actor, UUID id) {
        Subscription s = visible(actor, id);
        return jdbc.sql("SELECT * FROM data_subscription_delivery WHERE subscription_id = :id ORDER BY delivered_at, source_key")
                .param("id", s.id())
                .query((rs, n) -> new Delivery(rs.getObject("id", UUID.class), rs.getObject("subscription_id", UUID.class),
                        rs.getString("source_key"), Content.valueOf(rs.getString("content")), rs.getString("payload"),
                        rs.getTimestamp("delivered_at").toInstant()))
                .list();
    }

    /** 订阅数据下发状态监控 (FP 572): whether the subscription receives today, how much it received and when last. */
    public record Monitor(UUID subscriptionId, Content content, Status status, boolean receivingToday, long deliveries,
                          Instant lastDeliveredAt, String lastSourceKey) {
    }

    /** 状态监控 of one subscription: its own enterprise, officers and operators; another enterprise gets 404. */
    @Transactional(readOnly = true)
    public Monitor monitor(CurrentActor actor, UUID id, Instant now) {
        Subscription s = visible(actor, id);
        LocalDate today = LocalDate.ofInstant(now, SHANGHAI);
        boolean receiving = s.status() == Status.ACTIVE && !today.isBefore(s.validFrom()) && !today.isAfter(s.validTo());
        long count = jdbc.sql("SELECT count(*) FROM data_subscription_delivery WHERE subscription_id = :id")
                .param("id", id).query(Long.class).single();
        var last = jdbc.sql("SELECT delivered_at, source_key FROM data_subscription_delivery WHERE subscription_id = :id"
                        + " ORDER BY delivered_at DESC, source_key DESC LIMIT 1").param("id", id)
                .query((rs, n) -> java.util.Map.entry(rs.getTimestamp("delivered_at").toInstant(), rs.getString("source_key")))
                .optional();
        return new Monitor(s.id(), s.content(), s.status(), receiving, count,
                last.map(java.util.Map.Entry::getKey).orElse(null), last.map(java.util.Map.Entry::getValue).orElse(null));
    }

    /**
     * Pushes {@code data} to every subscription of {@code enterprise} to {@code content} that is active today, once
     * per {@code sourceKey}; in the caller's transaction.
     */
    public int deliver(String enterprise, Content content, String sourceKey, Object data, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, SHANGHAI);
        List<UUID> active = jdbc.sql("""
                SELECT id FROM data_subscription WHERE enterprise_uscc = :e AND content = :c AND status = 'ACTIVE'
                  AND valid_from <= :d AND valid_to >= :d""")
                .param("e", enterprise).param("c", content.name()).param("d", Date.valueOf(today))
                .query(UUID.class).list();
        String payload;
        try {
            payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        int delivered = 0;
        for (UUID subscription : active) {
            UUID id = UUID.randomUUID();
            int inserted = jdbc.sql("""
                    INSERT INTO data_subscription_delivery (id, subscription_id, source_key, content, payload, delivered_at)
                    VALUES (:id, :s, :k, :c, :p, :now) ON CONFLICT (subscription_id, source_key) DO NOTHING""")
                    .param("id", id).param("s", subscription).param("k", sourceKey).param("c", content.name())
                    .param("p", payload).param("now", Timestamp.from(now)).update();
            if (inserted > 0) {
                delivered++;
                DataPushed pushed = new DataPushed(id, subscription, enterprise, content, sourceKey, payload, now);
                outbox.publish(TOPIC, "data-subscription", subscription.toString(), "subscription-data-pushed", pushed);
                observers.forEach(o -> o.delivered(pushed));
            }
        }
        return delivered;
    }

    private Subscription own(CurrentActor actor, UUID id) {
        String enterprise = SecondLineService.enterpriseOf(actor);
        return find(id).filter(s -> s.enterpriseUscc().equals(enterprise))
                .orElseThrow(() -> new HnswException(SecondLineErrorCode.SUBSCRIPTION_NOT_FOUND));
    }

    private Subscription visible(CurrentActor actor, UUID id) {
        var own = EnterpriseScope.restrictionFor(actor);
        return find(id).filter(s -> own.isEmpty() || own.get().equals(s.enterpriseUscc()))
                .orElseThrow(() -> new HnswException(SecondLineErrorCode.SUBSCRIPTION_NOT_FOUND));
    }

    private java.util.Optional<Subscription> find(UUID id) {
        return jdbc.sql("SELECT * FROM data_subscription WHERE id = :id").param("id", id).query(this::map).optional();
    }

    private Subscription map(ResultSet rs, int n) throws SQLException {
        return new Subscription(rs.getObject("id", UUID.class), rs.getString("enterprise_uscc"),
                Content.valueOf(rs.getString("content")), rs.getDate("valid_from").toLocalDate(),
                rs.getDate("valid_to").toLocalDate(), Status.valueOf(rs.getString("status")), rs.getInt("extensions"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
