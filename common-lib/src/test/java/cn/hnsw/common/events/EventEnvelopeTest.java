package cn.hnsw.common.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventEnvelopeTest {

    private final EventJson json = EventJson.withDefaults();
    private final ObjectMapper mapper = EventJson.defaultObjectMapper();

    /** The payload of a submitted baggage declaration, as a passenger-service would publish it. */
    record DeclarationSubmitted(String declarationNo, String travellerName, String port, LocalDate travelDate,
                                List<Item> items, BigDecimal dutiableValue) {
    }

    record Item(String hsCode, String description, int quantity, String unit) {
    }

    private static final DeclarationSubmitted SUBMITTED = new DeclarationSubmitted(
            "HNXL2025061800001", "王小明", "美兰机场", LocalDate.of(2025, 6, 18),
            List.of(new Item("3304990099", "护肤品 skin care", 3, "瓶"), new Item("9102110000", "手表 wrist watch", 1, "只")),
            new BigDecimal("12800.00"));

    private EventEnvelope submitted() {
        return EventEnvelope.create("/hnsw/passenger-service", "hnsw.passenger.declaration-submitted",
                Instant.parse("2025-06-18T02:15:30.123456Z"), "BaggageDeclaration", "HNXL2025061800001", 3,
                new Correlation("req-7f3a", "4bf92f3577b34da6a3ce929d0e0e4736"), json.toData(SUBMITTED));
    }

    @Test
    void roundTripsThroughStructuredModeJson() {
        EventEnvelope event = submitted();

        EventEnvelope read = json.read(json.write(event));

        assertThat(read).isEqualTo(event);
        assertThat(json.dataAs(read, DeclarationSubmitted.class)).isEqualTo(SUBMITTED);
        assertThat(read.aggregateId()).isEqualTo("HNXL2025061800001");
    }

    @Test
    void writesTheCloudEventsAttributeNames() throws Exception {
        EventEnvelope event = submitted();

        JsonNode tree = mapper.readTree(json.write(event));

        assertThat(tree.get("specversion").asText()).isEqualTo("1.0");
        assertThat(tree.get("id").asText()).isEqualTo(event.id().toString());
        assertThat(tree.get("source").asText()).isEqualTo("/hnsw/passenger-service");
        assertThat(tree.get("type").asText()).isEqualTo("hnsw.passenger.declaration-submitted");
        assertThat(tree.get("time").asText()).isEqualTo("2025-06-18T02:15:30.123456Z");
        assertThat(tree.get("subject").asText()).isEqualTo("HNXL2025061800001");
        assertThat(tree.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(tree.get("aggregatetype").asText()).isEqualTo("BaggageDeclaration");
        assertThat(tree.get("aggregatesequence").isIntegralNumber()).isTrue();
        assertThat(tree.get("aggregatesequence").asLong()).isEqualTo(3);
        assertThat(tree.get("requestid").asText()).isEqualTo("req-7f3a");
        assertThat(tree.get("traceid").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(tree.get("data").get("travellerName").asText()).isEqualTo("王小明");
        assertThat(tree.get("data").get("travelDate").asText()).isEqualTo("2025-06-18");
        // CloudEvents attribute names are lower-case letters and digits only.
        tree.fieldNames().forEachRemaining(name -> assertThat(name).matches("[a-z0-9]+"));
    }

    @Test
    void amountsTravelExactlyWithTheirScale() {
        record TaxAssessed(BigDecimal dutiableValue, BigDecimal tax, double exchangeRate) {
        }
        TaxAssessed assessed = new TaxAssessed(new BigDecimal("12800.00"), new BigDecimal("0.10"), 7.1234);
        EventEnvelope event = EventEnvelope.create("/hnsw/passenger-service", "hnsw.passenger.tax-assessed",
                Instant.now(), "TaxAssessment", "T-1", 1, Correlation.NONE, json.toData(assessed));

        String text = json.write(event);
        EventEnvelope read = json.read(text);

        assertThat(text).contains("\"dutiableValue\":12800.00", "\"tax\":0.10").doesNotContain("E+");
        assertThat(read).isEqualTo(event);
        assertThat(json.dataAs(read, TaxAssessed.class)).isEqualTo(assessed);
        assertThat(json.dataAs(read, TaxAssessed.class).dutiableValue().scale()).isEqualTo(2);
    }

    @Test
    void leavesOutCorrelationThatIsNotThere() throws Exception {
        EventEnvelope event = EventEnvelope.create("/hnsw/ledger-service", "hnsw.ledger.posting-booked", Instant.now(),
                "LedgerPosting", "P-1", 1, Correlation.NONE, mapper.createObjectNode().put("amount", "10.00"));

        JsonNode tree = mapper.readTree(json.write(event));

        assertThat(tree.has("requestid")).isFalse();
        assertThat(tree.has("traceid")).isFalse();
        assertThat(json.read(json.write(event))).isEqualTo(event);
    }

    @Test
    void readsEventsOfOtherProducersTolerantly() {
        UUID id = UUID.randomUUID();
        String foreign = """
                {"specversion":"1.0","id":"%s","source":"/partner/customs-h2018","type":"hnsw.customs.receipt-received",
                 "time":"2025-06-18T10:15:30+08:00","subject":"D-42","datacontenttype":"application/json",
                 "aggregatetype":"CustomsReceipt","aggregatesequence":1,"partitionkey":"D-42","data":{"status":"放行"}}
                """.formatted(id);

        EventEnvelope read = json.read(foreign);

        assertThat(read.id()).isEqualTo(id);
        assertThat(read.time()).isEqualTo(Instant.parse("2025-06-18T02:15:30Z"));
        assertThat(read.data().get("status").asText()).isEqualTo("放行");
        assertThat(read.requestId()).isNull();
    }

    @Test
    void refusesWhatIsNotAnEvent() {
        String valid = json.write(submitted());

        assertThatThrownBy(() -> json.read("not json")).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> json.read("[1,2]")).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> json.read((String) null)).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> json.read(valid.replace("\"specversion\":\"1.0\"", "\"specversion\":\"0.3\"")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("specversion");
        assertThatThrownBy(() -> json.read(valid.replaceFirst("\"id\":\"[^\"]+\"", "\"id\":\"abc\"")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("UUID");
        assertThatThrownBy(() -> json.read(valid.replace("\"subject\":\"HNXL2025061800001\",", "")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("subject");
        assertThatThrownBy(() -> json.read(valid.replace("\"aggregatesequence\":3", "\"aggregatesequence\":\"3\"")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("aggregatesequence");
        assertThatThrownBy(() -> json.read(valid.replace("2025-06-18T02:15:30.123456Z", "yesterday")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("time");
    }

    @Test
    void refusesAnInvalidEnvelopeWhenBuilt() {
        assertThatThrownBy(() -> EventEnvelope.create("/hnsw/passenger-service", "hnsw.passenger.declaration-submitted",
                Instant.now(), "BaggageDeclaration", "D-1", 0, Correlation.NONE, null))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("aggregatesequence");
        assertThatThrownBy(() -> EventEnvelope.create("not a uri ref", "t", Instant.now(), "A", "D-1", 1, Correlation.NONE, null))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("source");
        assertThatThrownBy(() -> EventEnvelope.create("/hnsw/x", " ", Instant.now(), "A", "D-1", 1, Correlation.NONE, null))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("type");
    }

    @Test
    void dataThatDoesNotFitTheConsumersRecordIsAnInvalidEvent() {
        EventEnvelope event = submitted();

        assertThatThrownBy(() -> json.dataAs(event, Item.class))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("Item");
    }
}
