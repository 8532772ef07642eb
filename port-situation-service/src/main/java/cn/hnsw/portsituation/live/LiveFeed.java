package cn.hnsw.portsituation.live;

import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The live channel of the big screen and the officer console: alerts, vessel positions and metrics, pushed as they
 * happen. Subscribers are the open browser streams; a subscriber that cannot take a message is dropped by its owner.
 */
@Component
public class LiveFeed {


    /** One open stream. */
    public interface LiveSubscriber {
        /** Delivers the message; false when the stream is gone. */
        boolean deliver(String event, Object data);

        /** Who is listening, for per-message audiences (e.g. who may see an alert). */
        Object principal();

        /** The port the listener's organisation limits them to (the port RBAC), or null for all ports. */
        default String scopePort() {
            return null;
        }

        /** Whether a message about this port is for this listener. */
        default boolean seesPort(String portCode) {
            return scopePort() == null || scopePort().equals(portCode);
        }
    }

    private final Set<LiveSubscriber> subscribers = ConcurrentHashMap.newKeySet();

    public void subscribe(LiveSubscriber subscriber) {
        subscribers.add(subscriber);
    }

    public void unsubscribe(LiveSubscriber subscriber) {
        subscribers.remove(subscriber);
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    /** Sends to every subscriber the audience admits; returns how many received it. */
    public int publish(String event, Object data, Predicate<LiveSubscriber> audience) {
        int delivered = 0;
        for (LiveSubscriber s : subscribers) {
            if (audience != null && !audience.test(s)) {
                continue;
            }
            if (s.deliver(event, data)) {
                delivered++;
            } else {
                subscribers.remove(s);
            }
        }
        return delivered;
    }

    public int publish(String event, Object data) {
        return publish(event, data, null);
    }
}
