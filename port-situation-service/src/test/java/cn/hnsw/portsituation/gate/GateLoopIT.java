package cn.hnsw.portsituation.gate;

import cn.hnsw.common.crypto.InMemoryKeyDirectory;
import cn.hnsw.common.crypto.InMemoryReplayGuard;
import cn.hnsw.common.crypto.MessageSealer;
import cn.hnsw.common.crypto.Pkcs12CipherDevice;
import cn.hnsw.common.crypto.SealedMessage;
import cn.hnsw.portsituation.Api;
import cn.hnsw.portsituation.PortSituationIT;
import cn.hnsw.simulators.harness.SimulatorKeys;
import cn.hnsw.simulators.port.GateControlBehavior;
import cn.hnsw.simulators.port.GateTrafficSimulator;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate collection-and-release loop through the real path: a capture sealed by the gate system into the sealed
 * inbox, recorded, reported over Kafka, decided by the rule-based supervision over Kafka, relayed sealed through
 * PartnerClient to the gate-control simulator, which displays it.
 */
class GateLoopIT extends PortSituationIT {

    @Autowired
    JdbcTemplate jdbc;

    static MessageSealer partner(String id) {
        char[] password = SimulatorKeys.PASSWORD.toCharArray();
        return new MessageSealer(Pkcs12CipherDevice.load(KEYS.partnerStore(id), password),
                InMemoryKeyDirectory.fromTrustStore(KEYS.dir().resolve("trust.p12"), password),
                new InMemoryReplayGuard(Clock.systemUTC(), 1_000), Clock.systemUTC());
    }

    byte[] sealed(String partnerId, Map<String, Object> capture) throws Exception {
        byte[] payload = Api.JSON.writeValueAsBytes(capture);
        return partner(partnerId).seal(payload, partnerId, SimulatorKeys.PLATFORM_KEY_ID).toJson();
    }

    Api.Reply push(byte[] envelope) {
        return api.postRaw("/v1/public/inbox/gate-control", null, "application/json", envelope);
    }

    String passOf(Api.Reply reply) throws Exception {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        var opened = partner("gate-control").open(reply.bytes());
        assertThat(opened.senderKeyId()).isEqualTo(SimulatorKeys.PLATFORM_KEY_ID);
        return Api.JSON.readTree(new String(opened.payload(), StandardCharsets.UTF_8)).get("passId").asText();
    }

    JsonNode awaitState(String passId, String state) {
        return Api.await(Duration.ofSeconds(30), () -> {
            JsonNode p = api.get("/v1/gates/passes/" + passId, customs).json();
            return p.get("state").asText().equals(state) ? p : null;
        });
    }

    @Test
    void aFreightCaptureAtXinhaiIsRecordedReportedDecidedRelayedGuidedAndDisplayed() throws Exception {
        String plate = "琼A" + (10000 + (int) (Math.random() * 89999));
        Map<String, Object> capture = GateTrafficSimulator.capture("XINHAI-FREIGHT-ENTRY", plate, 31_000);
        String id = passOf(push(sealed("gate-control", capture)));

        JsonNode displayed = awaitState(id, "DISPLAYED");
        assertThat(displayed.get("decision").asText()).isEqualTo("RELEASE");
        assertThat(displayed.get("guidanceZh").asText()).startsWith("放行");
        assertThat(displayed.has("guidedAt")).isTrue();
        assertThat(displayed.has("reportedAt")).isTrue();
        assertThat(displayed.get("plateNumber").asText()).isEqualTo(plate);
        assertThat(displayed.get("personCount").asInt()).isGreaterThanOrEqualTo(1);
        // The gate-control simulator got the instruction, sealed, and shows it on its board.
        GateControlBehavior boards = SIMULATORS.context().getBean(GateControlBehavior.class);
        assertThat(boards.boards()).anySatisfy(b -> {
            assertThat(b.get("passId")).isEqualTo(id);
            assertThat(b.get("guided")).isEqualTo(true);
        });
        // The gate's own display.
        JsonNode screen = api.get("/v1/gates/XINHAI-FREIGHT-ENTRY/display", customs).json();
        assertThat(screen.findValuesAsText("id")).contains(id);
    }

    @Test
    void everyGateOfTheTenderRunsExactlyItsLoopSteps() throws Exception {
        JsonNode gates = api.get("/v1/gates", customs).json();
        assertThat(gates).hasSize(26);
        Map<String, String> passes = new HashMap<>();
        for (JsonNode gate : gates) {
            String code = gate.get("code").asText();
            passes.put(code, passOf(push(sealed("gate-control", GateTrafficSimulator.capture(code, null, 20_000)))));
        }
        for (JsonNode gate : gates) {
            String code = gate.get("code").asText();
            String id = passes.get(code);
            if (!gate.get("reports").asBoolean()) {
                JsonNode p = api.get("/v1/gates/passes/" + id, customs).json();
                assertThat(p.get("state").asText()).as(code).isEqualTo("RECORDED");
                continue;
            }
            JsonNode p = awaitState(id, "DISPLAYED");
            assertThat(p.has("reportedAt")).as(code).isTrue();
            assertThat(p.has("decision")).as(code).isTrue();
            assertThat(p.has("guidedAt")).as(code).isEqualTo(gate.get("guides").asBoolean());
        }
    }

    @Test
    void gatesWithoutAReportStepStopAtRecordedAndGatesThatDoNotGuideGoStraightToDisplayed() throws Exception {
        String recordedOnly = passOf(push(sealed("gate-control",
                GateTrafficSimulator.capture("XINHAI-VEHICLE-ENTRY", null, null))));
        String yard = passOf(push(sealed("gate-control",
                GateTrafficSimulator.capture("YANGPU-CONTAINER-YARD", null, null))));
        JsonNode yardPass = awaitState(yard, "DISPLAYED");
        assertThat(yardPass.has("guidedAt")).isFalse();
        JsonNode vehicle = api.get("/v1/gates/passes/" + recordedOnly, customs).json();
        assertThat(vehicle.get("state").asText()).isEqualTo("RECORDED");
        assertThat(vehicle.has("reportedAt")).isFalse();
    }

    @Test
    void overweightTrucksGoToInspectionAndWatchedPlatesAreHeld() throws Exception {
        String heavy = passOf(push(sealed("gate-control",
                GateTrafficSimulator.capture("XIUYING-BULK-CARGO_INSPECTION", null, 55_000))));
        String held = passOf(push(sealed("gate-control",
                GateTrafficSimulator.capture("XIUYING-CONTAINER-ENTRY", "琼B99999", null))));
        assertThat(awaitState(heavy, "DISPLAYED").get("decision").asText()).isEqualTo("INSPECT");
        assertThat(awaitState(held, "DISPLAYED").get("decision").asText()).isEqualTo("HOLD");
    }

    @Test
    void unknownGatesIncompleteCapturesBadSignaturesAndReplaysAreRefusedAndChangeNothing() throws Exception {
        long before = jdbc.queryForObject("SELECT count(*) FROM gate_pass", Long.class);

        Api.Reply unknown = push(sealed("gate-control", GateTrafficSimulator.capture("MEILAN-NO-SUCH-GATE", null, null)));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("code").asText()).isEqualTo("GATE_UNKNOWN");

        Map<String, Object> noDriver = new HashMap<>(GateTrafficSimulator.capture("XINHAI-FREIGHT-ENTRY", null, null));
        noDriver.put("persons", List.of());
        Api.Reply incomplete = push(sealed("gate-control", noDriver));
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.json().get("code").asText()).isEqualTo("GATE_CAPTURE_INCOMPLETE");
        assertThat(incomplete.json().get("messageEn").asText()).contains("persons");

        Map<String, Object> badContainer = new HashMap<>(GateTrafficSimulator.capture("YANGPU-CONTAINER-ENTRY", null, null));
        badContainer.put("containerNumber", "CSQU3054384");
        assertThat(push(sealed("gate-control", badContainer)).json().get("code").asText())
                .isEqualTo("GATE_CAPTURE_INCOMPLETE");

        // Signed by another partner (the AIS feeder's key): not the gate system.
        Api.Reply wrongSigner = push(sealed("ais-feeder", GateTrafficSimulator.capture("XINHAI-FREIGHT-ENTRY", null, null)));
        assertThat(wrongSigner.status()).isIn(400, 401, 403);
        assertThat(wrongSigner.json().get("code").asText()).isEqualTo("UNKNOWN_SIGNER");

        // Tampered ciphertext.
        byte[] envelope = sealed("gate-control", GateTrafficSimulator.capture("XINHAI-FREIGHT-ENTRY", null, null));
        SealedMessage message = SealedMessage.fromJson(envelope);
        byte[] cipher = message.ciphertext();
        cipher[cipher.length / 2] ^= 1;
        SealedMessage tampered = new SealedMessage(message.version(), message.messageId(), message.senderKeyId(),
                message.recipientKeyId(), message.timestamp(), message.nonce(), message.wrappedKey(), message.iv(),
                cipher, message.signature());
        Api.Reply refused = push(tampered.toJson());
        assertThat(refused.status()).isIn(400, 401);

        long afterRefusals = jdbc.queryForObject("SELECT count(*) FROM gate_pass", Long.class);
        assertThat(afterRefusals).isEqualTo(before);

        // The same envelope twice: recorded once, the replay refused.
        byte[] once = sealed("gate-control", GateTrafficSimulator.capture("XIUYING-VEHICLE-ENTRY", null, null));
        passOf(push(once));
        Api.Reply replay = push(once);
        assertThat(replay.status()).isEqualTo(409);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM gate_pass", Long.class)).isEqualTo(before + 1);

        String enterprise = tokens.user("zhangwei", "enterprise-admin").enterprise("91460000MA5T0XXXXA").mint();
        assertThat(api.get("/v1/gates/passes", enterprise).status()).isEqualTo(403);
    }
}
