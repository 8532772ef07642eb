package cn.hnsw.common.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * The JSON form of an {@link EventEnvelope}: a CloudEvents 1.0 event in structured content mode.
 * <p>
 * The envelope is written attribute by attribute rather than by data binding, so that a service's own Jackson settings
 * (a naming strategy, say) can never rename a CloudEvents attribute. The service's {@link ObjectMapper} is still used
 * for the {@code data} part, so its modules apply to the payload records.
 * Reading is tolerant: unknown attributes (other CloudEvents extensions) are ignored.
 */
public final class EventJson {

    static final String SPECVERSION = "specversion";
    static final String ID = "id";
    static final String SOURCE = "source";
    static final String TYPE = "type";
    static final String TIME = "time";
    static final String SUBJECT = "subject";
    static final String DATACONTENTTYPE = "datacontenttype";
    static final String AGGREGATETYPE = "aggregatetype";
    static final String AGGREGATESEQUENCE = "aggregatesequence";
    static final String REQUESTID = "requestid";
    static final String TRACEID = "traceid";
    static final String DATA = "data";

    private final ObjectMapper mapper;

    /**
     * @param mapper the service's mapper; a copy is used, changed only so that decimals travel exactly: amounts
     *               keep their scale ({@code 12800.00} stays {@code 12800.00}, never {@code 1.28E+4}) and are read
     *               back as {@code BigDecimal}, not {@code double}
     */
    public EventJson(ObjectMapper mapper) {
        this.mapper = mapper.copy()
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    }

    /** A mapper with the settings Boot would give: java.time as ISO-8601 strings, not numbers. */
    public static ObjectMapper defaultObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    public static EventJson withDefaults() {
        return new EventJson(defaultObjectMapper());
    }

    /** The payload of an event as a JSON tree; a record, a map or a {@link JsonNode} all work. */
    public JsonNode toData(Object data) {
        if (data instanceof JsonNode node) {
            return node;
        }
        try {
            return mapper.valueToTree(data);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Event data cannot be written as JSON: " + data.getClass().getName(), e);
        }
    }

    /** The payload read into the consumer's own record type. */
    public <T> T dataAs(EventEnvelope event, Class<T> type) {
        try {
            return mapper.treeToValue(event.data(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidEventException("Event " + event.id() + " of type " + event.type()
                    + " does not carry a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    public ObjectNode toTree(EventEnvelope event) {
        ObjectNode node = mapper.getNodeFactory().objectNode();
        node.put(SPECVERSION, event.specVersion());
        node.put(ID, event.id().toString());
        node.put(SOURCE, event.source());
        node.put(TYPE, event.type());
        node.put(TIME, DateTimeFormatter.ISO_INSTANT.format(event.time()));
        node.put(SUBJECT, event.subject());
        node.put(DATACONTENTTYPE, event.dataContentType());
        node.put(AGGREGATETYPE, event.aggregateType());
        node.put(AGGREGATESEQUENCE, event.sequence());
        if (event.requestId() != null) {
            node.put(REQUESTID, event.requestId());
        }
        if (event.traceId() != null) {
            node.put(TRACEID, event.traceId());
        }
        node.set(DATA, event.data());
        return node;
    }

    public String write(EventEnvelope event) {
        try {
            return mapper.writeValueAsString(toTree(event));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event " + event.id() + " cannot be written as JSON", e);
        }
    }

    public EventEnvelope read(byte[] json) {
        if (json == null) {
            throw new InvalidEventException("The message has no value (a tombstone?), so it is not an event");
        }
        return read(new String(json, StandardCharsets.UTF_8));
    }

    public EventEnvelope read(String json) {
        if (json == null) {
            throw new InvalidEventException("The message has no value (a tombstone?), so it is not an event");
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (IOException e) {
            throw new InvalidEventException("The message is not JSON: " + e.getMessage(), e);
        }
        return fromTree(tree);
    }

    public EventEnvelope fromTree(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            throw new InvalidEventException("An event must be a JSON object");
        }
        JsonNode sequence = tree.get(AGGREGATESEQUENCE);
        if (sequence == null || !sequence.canConvertToLong() || !sequence.isIntegralNumber()) {
            throw new InvalidEventException(AGGREGATESEQUENCE + " must be a whole number");
        }
        return new EventEnvelope(
                text(tree, SPECVERSION),
                uuid(tree),
                text(tree, SOURCE),
                text(tree, TYPE),
                time(tree),
                text(tree, SUBJECT),
                text(tree, DATACONTENTTYPE),
                text(tree, AGGREGATETYPE),
                sequence.longValue(),
                text(tree, REQUESTID),
                text(tree, TRACEID),
                tree.get(DATA));
    }

    private static String text(JsonNode tree, String attribute) {
        JsonNode value = tree.get(attribute);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidEventException(attribute + " must be a string");
        }
        return value.textValue();
    }

    private static UUID uuid(JsonNode tree) {
        String id = text(tree, ID);
        if (id == null) {
            throw new InvalidEventException(ID + " is required");
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(ID + " must be a UUID but was " + id, e);
        }
    }

    private static Instant time(JsonNode tree) {
        String time = text(tree, TIME);
        if (time == null) {
            throw new InvalidEventException(TIME + " is required");
        }
        try {
            // RFC 3339 allows any offset; the platform writes UTC, partners may not.
            return OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidEventException(TIME + " must be an RFC 3339 timestamp but was " + time, e);
        }
    }
}
