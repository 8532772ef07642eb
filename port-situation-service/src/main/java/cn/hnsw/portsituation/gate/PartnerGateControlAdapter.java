package cn.hnsw.portsituation.gate;

import cn.hnsw.common.partner.PartnerClient;
import cn.hnsw.common.partner.PartnerReply;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;

/** The gate management and control system reached as partner {@code gate-control}, sealed, through PartnerClient. */
public class PartnerGateControlAdapter implements GateControlAdapter {

    public static final String PARTNER_ID = "gate-control";

    private final PartnerClient partners;
    private final ObjectMapper json;

    public PartnerGateControlAdapter(PartnerClient partners, ObjectMapper json) {
        this.partners = partners;
        this.json = json;
    }

    @Override
    public void relay(ReleaseInstruction instruction) {
        try {
            byte[] payload = json.writeValueAsBytes(Map.of("messageType", "RELEASE_INSTRUCTION", "instruction", instruction));
            PartnerReply reply = partners.send(PARTNER_ID, payload);
            if (reply.alreadyDelivered()) {
                return;
            }
            JsonNode answer = json.readTree(reply.payload());
            if (!answer.path("displayed").asBoolean(false)) {
                throw new GateRelayException("gate did not display the instruction: " + answer.path("status").asText(), null);
            }
        } catch (GateRelayException e) {
            throw e;
        } catch (Exception e) {
            throw new GateRelayException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
