package cn.hnsw.common.events;

import java.util.regex.Pattern;

/**
 * Names of topics, event types and sources. A topic is {@code hnsw.<service>.<event>}, for example
 * {@code hnsw.passenger.declaration-submitted}; the event part is a past-tense fact in kebab case
 * ({@code declaration-submitted}, {@code receipt-received}, {@code watchlist-hit}), never a command.
 * The CloudEvents {@code type} of an event is the same string as its topic.
 */
public final class EventTopics {

    public static final String PREFIX = "hnsw";

    private static final Pattern PART = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    /** What Kafka itself accepts as a topic name. */
    private static final Pattern KAFKA_TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    private EventTopics() {
    }

    /** {@code topic("passenger", "declaration-submitted")} is {@code hnsw.passenger.declaration-submitted}. */
    public static String topic(String service, String event) {
        return PREFIX + "." + part(service, "service") + "." + part(event, "event");
    }

    /** The CloudEvents source of a service: {@code source("passenger-service")} is {@code /hnsw/passenger-service}. */
    public static String source(String applicationName) {
        return "/" + PREFIX + "/" + part(applicationName, "application name");
    }

    /** Refuses a name Kafka would refuse, before it reaches the outbox and blocks its aggregate there. */
    static String requireKafkaTopic(String topic) {
        if (topic == null || !KAFKA_TOPIC.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
            throw new IllegalArgumentException("Not a valid Kafka topic name: " + topic);
        }
        return topic;
    }

    private static String part(String value, String what) {
        if (value == null || !PART.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be lower-case kebab case (e.g. declaration-submitted) but was " + value);
        }
        return value;
    }
}
