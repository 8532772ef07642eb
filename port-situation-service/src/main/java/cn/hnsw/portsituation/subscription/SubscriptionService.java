package cn.hnsw.portsituation.subscription;

import cn.hnsw.common.events.Alert;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.security.Roles;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.portsituation.alert.AlertRecord;
import cn.hnsw.portsituation.alert.AlertService;
import cn.hnsw.portsituation.alert.AlertView;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * 预警订阅: who may subscribe for whom, what a subscription must hold, and the queueing of deliveries in the
 * transaction of each alert change (new alert, lifecycle move). Delivery itself is {@link DeliveryWorker}'s.
 */
public class SubscriptionService {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    private static final Pattern SUBSCRIBER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,63}");
    private static final Map<String, String> STATUS_ZH = Map.of("ACKNOWLEDGED", "已确认", "HANDLED", "已处置",
            "CLOSED", "已关闭");

    private final SubscriptionRepository repository;
    private final SubscriptionProperties properties;
    private final ObjectMapper json;
    private final Clock clock;

    public SubscriptionService(SubscriptionRepository repository, SubscriptionProperties properties, ObjectMapper json,
                               Clock clock, AlertService alerts) {
        this.repository = repository;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        alerts.addChangeListener(this::changed);
    }

    /** What a subscriber asks for. */
    public record Request(String subscriberKind, String subscriberId, String name, String channel, String target,
                          List<String> events, List<String> alertTypes, String minLevel, List<String> portCodes) {
    }

    public Subscription create(Request r, CurrentActor actor) {
        String kind;
        String subscriberId;
        if (actor.isEnterpriseUser()) {
            // an enterprise subscribes for itself only
            if (actor.enterprise() == null || (r.subscriberKind() != null && !"ENTERPRISE".equals(r.subscriberKind()))
                    || (r.subscriberId() != null && !r.subscriberId().equals(actor.enterprise()))) {
                throw new HnswException(SubscriptionErrorCode.SUBSCRIBER_NOT_ALLOWED);
            }
            kind = "ENTERPRISE";
            subscriberId = actor.enterprise();
        } else if (manages(actor)) {
            kind = r.subscriberKind();
            subscriberId = r.subscriberId();
            if (!"ENTERPRISE".equals(kind) && !"PARTNER".equals(kind)) {
                throw invalid("subscriberKind is ENTERPRISE or PARTNER / 订阅方类型为 ENTERPRISE 或 PARTNER");
            }
            if (subscriberId == null || !SUBSCRIBER_ID.matcher(subscriberId).matches()) {
                throw invalid("subscriberId: 2–64 letters, digits, '.', '_' or '-' / 订阅方标识格式不正确");
            }
        } else {
            throw new HnswException(SubscriptionErrorCode.SUBSCRIBER_NOT_ALLOWED);
        }
        if (r.name() == null || r.name().isBlank() || r.name().length() > 100) {
            throw invalid("name: 1–100 characters / 名称 1–100 个字符");
        }
        String channel = r.channel() == null ? "" : r.channel();
        String target = r.target() == null ? "" : r.target().strip();
        switch (channel) {
            case "WEBHOOK" -> checkWebhook(target);
            case "SMS" -> {
                if (!MOBILE.matcher(target).matches()) {
                    throw invalid("target: a mainland mobile number / 推送目标应为手机号码");
                }
            }
            case "EMAIL" -> {
                if (target.length() > 254 || !EMAIL.matcher(target).matches()) {
                    throw invalid("target: an e-mail address / 推送目标应为电子邮箱地址");
                }
            }
            default -> throw invalid("channel is WEBHOOK, SMS or EMAIL / 推送方式为 WEBHOOK、SMS 或 EMAIL");
        }
        List<String> events = r.events() == null || r.events().isEmpty() ? List.of("RAISED") : List.copyOf(r.events());
        if (!Subscription.EVENTS.containsAll(events)) {
            throw invalid("events: " + Subscription.EVENTS + " / 订阅事件无效");
        }
        Alert.Level minLevel;
        try {
            minLevel = r.minLevel() == null ? Alert.Level.INFO : Alert.Level.valueOf(r.minLevel());
        } catch (IllegalArgumentException e) {
            throw invalid("minLevel: INFO, LOW, MEDIUM, HIGH or CRITICAL / 最低级别无效");
        }
        Subscription s = new Subscription(UUID.randomUUID(), kind, subscriberId, r.name().strip(), channel, target,
                events, r.alertTypes() == null ? List.of() : List.copyOf(r.alertTypes()), minLevel,
                r.portCodes() == null ? List.of() : List.copyOf(r.portCodes()), "ACTIVE", actor.username(),
                clock.instant(), null);
        repository.insert(s);
        return s;
    }

    /**
     * A webhook must be https, or http to a host the platform lists; and it must not reach into the platform's own
     * network (loopback, link-local, private, wildcard addresses) unless that host is listed.
     */
    void checkWebhook(String target) {
        URI uri;
        try {
            uri = URI.create(target);
        } catch (IllegalArgumentException e) {
            throw new HnswException(SubscriptionErrorCode.WEBHOOK_TARGET_REFUSED, "not a URL / 不是有效地址");
        }
        String host = uri.getHost();
        if (host == null || uri.getScheme() == null || uri.getUserInfo() != null || target.length() > 500) {
            throw new HnswException(SubscriptionErrorCode.WEBHOOK_TARGET_REFUSED, "absolute http(s) URL / 需为完整地址");
        }
        boolean listed = properties.webhookHostsAllowedOverHttp().contains(host.toLowerCase(java.util.Locale.ROOT));
        if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && listed)) {
            throw new HnswException(SubscriptionErrorCode.WEBHOOK_TARGET_REFUSED, "https only / 仅允许 https");
        }
        if (listed) {
            return;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                        || address.isSiteLocalAddress() || address.isMulticastAddress()) {
                    throw new HnswException(SubscriptionErrorCode.WEBHOOK_TARGET_REFUSED,
                            "internal address / 不允许内部地址");
                }
            }
        } catch (UnknownHostException e) {
            throw new HnswException(SubscriptionErrorCode.WEBHOOK_TARGET_REFUSED, "unknown host / 无法解析主机");
        }
    }

    private static HnswException invalid(String why) {
        return new HnswException(SubscriptionErrorCode.SUBSCRIPTION_INVALID, why);
    }

    static boolean manages(CurrentActor actor) {
        return actor.hasAnyRole(List.of(Roles.PLATFORM_ADMIN, Roles.SW_OPERATOR));
    }

    /** The subscriptions the actor may see: an enterprise its own, the platform's operators all. */
    public List<Subscription> list(CurrentActor actor) {
        if (actor.isEnterpriseUser()) {
            return actor.enterprise() == null ? List.of() : repository.list("ENTERPRISE", actor.enterprise());
        }
        if (manages(actor)) {
            return repository.list(null, null);
        }
        throw new HnswException(SubscriptionErrorCode.SUBSCRIBER_NOT_ALLOWED);
    }

    /** One subscription, when the actor may see it; another enterprise's reads as not found. */
    public Subscription get(UUID id, CurrentActor actor) {
        Subscription s = repository.find(id)
                .orElseThrow(() -> new HnswException(SubscriptionErrorCode.SUBSCRIPTION_NOT_FOUND, id));
        if (manages(actor)) {
            return s;
        }
        if (actor.isEnterpriseUser() && "ENTERPRISE".equals(s.subscriberKind())
                && s.subscriberId().equals(actor.enterprise())) {
            return s;
        }
        if (actor.isEnterpriseUser()) {
            throw new HnswException(SubscriptionErrorCode.SUBSCRIPTION_NOT_FOUND, id);
        }
        throw new HnswException(SubscriptionErrorCode.SUBSCRIBER_NOT_ALLOWED);
    }

    public Subscription cancel(UUID id, CurrentActor actor) {
        get(id, actor);
        if (!repository.cancel(id, clock.instant())) {
            throw new HnswException(SubscriptionErrorCode.SUBSCRIPTION_CANCELLED);
        }
        return repository.find(id).orElseThrow();
    }

    public List<Map<String, Object>> deliveries(UUID id, CurrentActor actor) {
        get(id, actor);
        return repository.deliveries(id, 200);
    }

    /** In the alert change's transaction: one delivery per matching subscription. */
    void changed(AlertRecord record, String event) {
        Alert alert = record.alert();
        List<Subscription> matching = repository.active().stream().filter(s -> s.matches(alert, event)).toList();
        if (matching.isEmpty()) {
            return;
        }
        String textZh = "RAISED".equals(event) ? "预警：" + alert.titleZh()
                : "预警状态变更为「" + STATUS_ZH.getOrDefault(event, event) + "」：" + alert.titleZh();
        for (Subscription s : matching) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("event", event);
            payload.put("subscriptionId", s.id());
            payload.put("textZh", textZh);
            payload.put("alert", AlertView.of(record));
            try {
                repository.enqueue(s.id(), alert.alertId(), event, json.writeValueAsString(payload), clock.instant());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
