package cn.hnsw.portsituation.basedata;

import cn.hnsw.common.partner.PartnerClient;
import cn.hnsw.common.partner.PartnerRefusedException;
import cn.hnsw.common.partner.PartnerReply;
import cn.hnsw.common.partner.PartnerUnavailableException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The video platforms reached sealed (SM2+SM4) through {@link PartnerClient}, partner {@code video-platform}: the
 * message names the platform by code and the query by type ({@code VIDEO_STREAMS_QUERY}…); an answer with
 * {@code accepted: false} is a refusal with the platform's code.
 */
@Component
class PartnerVideoPlatformGateway implements VideoPlatformGateway {

    static final String PARTNER_ID = "video-platform";

    private final PartnerClient partners;
    private final ObjectMapper json;

    PartnerVideoPlatformGateway(PartnerClient partners, ObjectMapper json) {
        this.partners = partners;
        this.json = json;
    }

    @Override
    public JsonNode query(VideoPlatform platform, Query query, Map<String, Object> parameters) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("messageType", "VIDEO_" + query.name() + "_QUERY");
        message.put("platformCode", platform.code());
        message.put("protocol", platform.protocol().name());
        if (platform.gbDeviceId() != null) {
            message.put("gbDeviceId", platform.gbDeviceId());
        }
        message.putAll(parameters);
        try {
            PartnerReply reply = partners.send(PARTNER_ID, json.writeValueAsBytes(message));
            JsonNode answer = json.readTree(reply.payload());
            if (!answer.path("accepted").asBoolean(false)) {
                throw new VideoPlatformException(false, answer.path("code").asText("NOT_ACCEPTED"));
            }
            return answer;
        } catch (PartnerUnavailableException e) {
            throw new VideoPlatformException(true, e.getMessage());
        } catch (PartnerRefusedException e) {
            throw new VideoPlatformException(false, e.getMessage());
        } catch (IOException e) {
            throw new VideoPlatformException(false, "the answer is not JSON: " + e.getMessage());
        }
    }
}
