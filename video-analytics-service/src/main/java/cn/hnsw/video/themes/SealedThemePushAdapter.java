package cn.hnsw.video.themes;

import cn.hnsw.common.partner.PartnerClient;
import cn.hnsw.common.partner.PartnerRefusedException;
import cn.hnsw.common.partner.PartnerUnavailableException;
import cn.hnsw.common.web.HnswException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The push over sealed messages (SM2 + SM4): {@code THEME_DATA_PUSH} ({@code serviceCode}, {@code rows}) → {@code accepted}. */
@Component
class SealedThemePushAdapter implements ThemePushAdapter {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final ObjectProvider<PartnerClient> partners;

    SealedThemePushAdapter(ObjectProvider<PartnerClient> partners) {
        this.partners = partners;
    }

    @Override
    public int push(String partnerId, String serviceCode, List<Map<String, Object>> rows) {
        PartnerClient client = partners.getIfAvailable();
        if (client == null) {
            throw new HnswException(ThemeErrorCode.PUSH_UNAVAILABLE, "sealing is not configured");
        }
        ObjectNode m = JSON.createObjectNode().put("messageType", "THEME_DATA_PUSH").put("serviceCode", serviceCode);
        m.set("rows", JSON.valueToTree(rows));
        try {
            return JSON.readTree(client.send(partnerId, JSON.writeValueAsBytes(m)).payload()).path("accepted").asInt(0);
        } catch (PartnerUnavailableException | PartnerRefusedException e) {
            throw new HnswException(ThemeErrorCode.PUSH_UNAVAILABLE, partnerId + ": " + e.getMessage());
        } catch (IOException e) {
            throw new HnswException(ThemeErrorCode.PUSH_UNAVAILABLE, partnerId + ": reply is not JSON");
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new HnswException(ThemeErrorCode.PUSH_UNAVAILABLE, partnerId + ": " + e.getMessage());
        }
    }
}
