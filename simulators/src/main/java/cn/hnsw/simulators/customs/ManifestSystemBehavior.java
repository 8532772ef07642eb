package cn.hnsw.simulators.customs;

import cn.hnsw.simulators.partner.Partner;
import cn.hnsw.simulators.partner.PartnerKind;
import cn.hnsw.simulators.sealed.PartnerBehavior;
import cn.hnsw.simulators.sealed.PartnerReply;
import cn.hnsw.simulators.sealed.PartnerRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.List;

/**
 * 舱单系统模拟器: answers a manifest query (bill of lading + vessel + voyage) from the configured manifests; all three
 * keys must match, as the manifest system checks them (R5). Several records may match (FP 214): all come back under
 * {@code records}, the first also at the top.
 */
@Component
@Order(100)
public class ManifestSystemBehavior implements PartnerBehavior {

    private final CustomsSimulatorProperties properties;
    private final ObjectMapper json = new ObjectMapper();

    public ManifestSystemBehavior(CustomsSimulatorProperties properties) {
        this.properties = properties;
    }

    private static void fill(ObjectNode node, CustomsSimulatorProperties.Manifest m) {
        node.put("found", true).put("billOfLadingNo", m.billOfLadingNo()).put("vesselName", m.vesselName())
                .put("voyageNo", m.voyageNo()).put("transportMode", m.transportMode()).put("packages", m.packages())
                .put("grossWeight", m.grossWeight()).put("departureCountry", m.departureCountry())
                .put("portCode", m.portCode()).put("goodsDescription", m.goodsDescription());
    }

    @Override
    public boolean handles(Partner partner) {
        return partner.kind() == PartnerKind.MANIFEST_SYSTEM;
    }

    @Override
    public PartnerReply reply(PartnerRequest request) {
        try {
            JsonNode query = json.readTree(request.payload());
            String bl = query.path("billOfLadingNo").asText();
            String vessel = query.path("vesselName").asText();
            String voyage = query.path("voyageNo").asText();
            ObjectNode answer = json.createObjectNode();
            List<CustomsSimulatorProperties.Manifest> matching = properties.manifests().stream()
                    .filter(m -> m.billOfLadingNo().equals(bl) && m.vesselName().equalsIgnoreCase(vessel)
                            && m.voyageNo().equalsIgnoreCase(voyage))
                    .toList();
            answer.put("found", !matching.isEmpty());
            if (!matching.isEmpty()) {
                // the first at the top (as before), and every matching record for the declarant to choose from
                fill(answer, matching.getFirst());
                ArrayNode records = answer.putArray("records");
                matching.forEach(m -> fill(records.addObject(), m));
            }
            return new PartnerReply(json.writeValueAsBytes(answer), "manifest " + bl + " found=" + answer.path("found").asBoolean());
        } catch (IOException e) {
            return new PartnerReply("{\"found\":false}".getBytes(java.nio.charset.StandardCharsets.UTF_8), "manifest query unreadable");
        }
    }
}
