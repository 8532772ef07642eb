package cn.hnsw.customs.exchange;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.customs.declaration.CustomsErrorCode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.Optional;

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
    public Optional<ExchangeMessages.ManifestAnswer> find(String billOfLadingNo, String vesselName, String voyageNo) {
        try {
            byte[] query = json.writeValueAsBytes(new ExchangeMessages.ManifestQuery(ExchangeMessages.MANIFEST_QUERY,
                    billOfLadingNo, vesselName, voyageNo));
            ExchangeMessages.ManifestAnswer answer = json.readValue(channel.exchange(Partners.MANIFEST_SYSTEM, query).payload(),
                    ExchangeMessages.ManifestAnswer.class);
            return answer.found() ? Optional.of(answer) : Optional.empty();
        } catch (PartnerCallException e) {
            throw new HnswException(CustomsErrorCode.PARTNER_UNAVAILABLE, Partners.MANIFEST_SYSTEM);
        } catch (IOException e) {
            throw new HnswException(CustomsErrorCode.PARTNER_UNAVAILABLE, Partners.MANIFEST_SYSTEM);
        }
    }
}
