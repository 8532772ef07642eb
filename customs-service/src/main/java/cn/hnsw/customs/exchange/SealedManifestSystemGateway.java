package cn.hnsw.customs.exchange;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.customs.declaration.CustomsErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** {@link ManifestSystemGateway} over the sealed partner channel to {@code manifest-system}. */
@Component
class SealedManifestSystemGateway implements ManifestSystemGateway {

    private final PartnerChannel channel;
    private final ObjectMapper json;

    SealedManifestSystemGateway(PartnerChannel channel, ObjectMapper json) {
        this.channel = channel;
        this.json = json;
    }

    @Override
    public List<ExchangeMessages.ManifestAnswer> findAll(String billOfLadingNo, String vesselName, String voyageNo) {
        try {
            byte[] query = json.writeValueAsBytes(new ExchangeMessages.ManifestQuery(ExchangeMessages.MANIFEST_QUERY,
                    billOfLadingNo, vesselName, voyageNo));
            JsonNode answer = json.readTree(channel.exchange(Partners.MANIFEST_SYSTEM, query).payload());
            if (!answer.path("found").asBoolean(false)) {
                return List.of();
            }
            // several matching records come under "records"; a system that answers one gives it at the top
            List<ExchangeMessages.ManifestAnswer> records = new ArrayList<>();
            for (JsonNode r : answer.path("records")) {
                records.add(json.treeToValue(r, ExchangeMessages.ManifestAnswer.class));
            }
            return records.isEmpty() ? List.of(json.treeToValue(answer, ExchangeMessages.ManifestAnswer.class))
                    : List.copyOf(records);
        } catch (PartnerCallException e) {
            throw new HnswException(CustomsErrorCode.PARTNER_UNAVAILABLE, Partners.MANIFEST_SYSTEM);
        } catch (IOException e) {
            throw new HnswException(CustomsErrorCode.PARTNER_UNAVAILABLE, Partners.MANIFEST_SYSTEM);
        }
    }
}
