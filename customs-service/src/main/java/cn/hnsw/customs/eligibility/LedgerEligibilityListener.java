package cn.hnsw.customs.eligibility;

import cn.hnsw.customs.validation.UnifiedSocialCreditCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Consumes the ledger's {@code hnsw.ledger.zero-tariff-eligibility-changed}: {@code enterpriseUscc}, {@code qualified},
 * {@code whitelist} [{hsCode, name}], {@code occurredAt} — as a plain JSON object or as the {@code data} of the
 * platform's CloudEvents envelope. Idempotent by {@code occurredAt} ({@link LedgerEligibility#apply}); a malformed
 * event is logged and skipped so it cannot block the partition.
 *
 * <p>A new consumer group starts at the earliest offset: facts the ledger published before this service first started
 * (or while its consumer was still joining) are not lost.
 */
@Component
class LedgerEligibilityListener {

    static final String TOPIC = "hnsw.ledger.zero-tariff-eligibility-changed";
    private static final Logger log = LoggerFactory.getLogger(LedgerEligibilityListener.class);
    private static final Pattern HS = Pattern.compile("\\d{10}");

    private final LedgerEligibility ledger;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    LedgerEligibilityListener(LedgerEligibility ledger, ObjectMapper json) {
        this.ledger = ledger;
        this.json = json;
    }

    @KafkaListener(topics = "${hnsw.customs.eligibility.topic:" + TOPIC + "}", groupId = "customs-zero-tariff-eligibility",
            properties = "auto.offset.reset=earliest")
    void onChanged(ConsumerRecord<String, String> record) {
        LedgerEligibility.Changed fact;
        try {
            fact = parse(record.value());
        } catch (IllegalArgumentException | IOException e) {
            log.warn("event=ledger-eligibility-skipped partition={} offset={} reason=\"{}\"", record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        boolean applied = ledger.apply(fact, clock.instant());
        log.info("event=ledger-eligibility enterprise={} qualified={} whitelist={} occurredAt={} applied={}",
                fact.enterpriseUscc(), fact.qualified(), fact.whitelist().size(), fact.occurredAt(), applied);
    }

    LedgerEligibility.Changed parse(String value) throws IOException {
        if (value == null) {
            throw new IllegalArgumentException("empty record");
        }
        JsonNode root = json.readTree(value);
        String eventId = root.hasNonNull("id") ? root.path("id").asText() : null;
        JsonNode data = root.has("specversion") && root.has("data") ? root.path("data") : root;
        if (data.isTextual()) {
            data = json.readTree(data.asText());
        }
        String uscc = data.path("enterpriseUscc").asText(null);
        if (uscc == null || !UnifiedSocialCreditCode.valid(uscc)) {
            throw new IllegalArgumentException("enterpriseUscc missing or not a valid unified social credit code");
        }
        if (!data.path("qualified").isBoolean()) {
            throw new IllegalArgumentException("qualified must be true or false");
        }
        Instant occurredAt;
        try {
            occurredAt = Instant.parse(data.path("occurredAt").asText(""));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("occurredAt is not an ISO-8601 instant");
        }
        List<LedgerEligibility.Item> whitelist = new ArrayList<>();
        for (JsonNode item : data.path("whitelist")) {
            String hs = item.path("hsCode").asText("");
            if (!HS.matcher(hs).matches()) {
                throw new IllegalArgumentException("whitelist hsCode " + hs + " is not 10 digits");
            }
            String name = item.path("name").asText(null);
            whitelist.add(new LedgerEligibility.Item(hs, name == null || name.length() <= 200 ? name : name.substring(0, 200)));
        }
        return new LedgerEligibility.Changed(uscc, data.path("qualified").asBoolean(), whitelist, occurredAt,
                eventId == null || eventId.length() <= 100 ? eventId : eventId.substring(0, 100));
    }
}
