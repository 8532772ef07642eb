package cn.hnsw.simulators.port;

import cn.hnsw.common.web.CommonErrorCode;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.simulators.partner.Partner;
import cn.hnsw.simulators.partner.PartnerKind;
import cn.hnsw.simulators.sealed.PartnerBehavior;
import cn.hnsw.simulators.sealed.PartnerReply;
import cn.hnsw.simulators.sealed.PartnerRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 卡口管理与控制系统模拟器 — the gate system's answer to a release instruction from the platform: it "publishes" the
 * result on the gate's LED board, "guides" the vehicle where the gate does that, and confirms it displayed the result.
 * The last instructions per gate are kept for the simulator's own display endpoint.
 */
@Component
@Order(100)
public class GateControlBehavior implements PartnerBehavior {

    private static final Logger log = LoggerFactory.getLogger(GateControlBehavior.class);
    private static final int KEPT = 50;

    private final ObjectMapper json;
    private final Deque<Map<String, Object>> displayed = new ArrayDeque<>();

    public GateControlBehavior(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public boolean handles(Partner partner) {
        return partner.kind() == PartnerKind.GATE;
    }

    @Override
    public PartnerReply reply(PartnerRequest request) {
        JsonNode message;
        try {
            message = json.readTree(request.payload());
        } catch (Exception e) {
            throw new HnswException(CommonErrorCode.MALFORMED_REQUEST, "gate message is not JSON");
        }
        if (!"RELEASE_INSTRUCTION".equals(message.path("messageType").asText())) {
            throw new HnswException(CommonErrorCode.MALFORMED_REQUEST, "unknown gate message type");
        }
        JsonNode instruction = message.path("instruction");
        Map<String, Object> board = new LinkedHashMap<>();
        board.put("passId", instruction.path("passId").asText());
        board.put("gateCode", instruction.path("gateCode").asText());
        board.put("plateNumber", instruction.path("plateNumber").asText(null));
        board.put("decision", instruction.path("decision").asText());
        board.put("ledText", instruction.path("guidanceZh").asText() + " / " + instruction.path("guidanceEn").asText());
        board.put("guided", instruction.path("guide").asBoolean());
        synchronized (displayed) {
            displayed.addFirst(board);
            while (displayed.size() > KEPT) {
                displayed.removeLast();
            }
        }
        log.info("event=simulator-gate-displayed partner={} gate={} decision={}", request.partner().id(),
                board.get("gateCode"), board.get("decision"));
        Map<String, Object> answer = new LinkedHashMap<>(board);
        answer.put("receiptKind", "BUSINESS");
        answer.put("status", "DISPLAYED");
        answer.put("displayed", true);
        answer.put("simulator", true);
        answer.put("partnerNameZh", request.partner().nameZh());
        try {
            return new PartnerReply(json.writeValueAsBytes(answer), "gate-displayed " + board.get("decision"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the simulated gate boards show now, newest first. */
    public List<Map<String, Object>> boards() {
        synchronized (displayed) {
            return List.copyOf(displayed);
        }
    }
}
