package cn.hnsw.common.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.UUID;

/**
 * 事件信封 — a fact that happened in one service, in the shape of a CloudEvents 1.0 event.
 * <p>
 * The JSON form (structured content mode, {@code application/cloudevents+json}) is written and read by {@link EventJson};
 * the Java names are camel case, the JSON attribute names are the CloudEvents ones:
 * {@code specversion, id, source, type, time, subject, datacontenttype, data} and the extension attributes
 * {@code aggregatetype, aggregatesequence, requestid, traceid}.
 *
 * @param specVersion     always {@value #SPEC_VERSION}
 * @param id              unique per event; consumers deduplicate on it
 * @param source          the producing service as a URI reference, e.g. {@code /hnsw/passenger-service}
 * @param type            what happened, a past-tense fact, e.g. {@code hnsw.passenger.declaration-submitted}
 * @param time            when the producing transaction wrote the event
 * @param subject         the id of the aggregate the event is about; also the Kafka record key
 * @param dataContentType always {@value #DATA_CONTENT_TYPE}
 * @param aggregateType   the kind of aggregate, e.g. {@code BaggageDeclaration}
 * @param sequence        1, 2, 3 ... per aggregate, in commit order; lets a consumer see a gap or a stale event
 * @param requestId       the request that caused the event, when there was one
 * @param traceId         the trace the event belongs to, when tracing is on
 * @param data            the event's payload as a JSON tree; never null ({@link NullNode} when there is none)
 */
public record EventEnvelope(
        String specVersion,
        UUID id,
        String source,
        String type,
        Instant time,
        String subject,
        String dataContentType,
        String aggregateType,
        long sequence,
        String requestId,
        String traceId,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";
    /** The Kafka {@code content-type} header of a structured-mode CloudEvent. */
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    public EventEnvelope {
        if (!SPEC_VERSION.equals(specVersion)) {
            throw new InvalidEventException("specversion must be " + SPEC_VERSION + " but was " + specVersion);
        }
        if (!DATA_CONTENT_TYPE.equals(dataContentType)) {
            throw new InvalidEventException("datacontenttype must be " + DATA_CONTENT_TYPE + " but was " + dataContentType);
        }
        require(id, "id");
        requireText(source, "source");
        requireText(type, "type");
        require(time, "time");
        requireText(subject, "subject");
        requireText(aggregateType, "aggregatetype");
        if (sequence < 1) {
            throw new InvalidEventException("aggregatesequence must be 1 or more but was " + sequence);
        }
        try {
            new URI(source);
        } catch (URISyntaxException e) {
            throw new InvalidEventException("source must be a URI reference but was " + source);
        }
        requestId = blankToNull(requestId);
        traceId = blankToNull(traceId);
        data = data == null ? NullNode.getInstance() : data;
    }

    /** A new event with a fresh id; the fixed attributes are filled in. */
    public static EventEnvelope create(String source, String type, Instant time, String aggregateType, String aggregateId,
                                       long sequence, Correlation correlation, JsonNode data) {
        Correlation c = correlation == null ? Correlation.NONE : correlation;
        return new EventEnvelope(SPEC_VERSION, UUID.randomUUID(), source, type, time, aggregateId, DATA_CONTENT_TYPE,
                aggregateType, sequence, c.requestId(), c.traceId(), data);
    }

    /** The aggregate id; an alias of {@link #subject()} in the domain's words. */
    public String aggregateId() {
        return subject;
    }

    private static void require(Object value, String attribute) {
        if (value == null) {
            throw new InvalidEventException(attribute + " is required");
        }
    }

    private static void requireText(String value, String attribute) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException(attribute + " is required");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
