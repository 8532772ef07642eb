package cn.hnsw.simulators.sealed;

import cn.hnsw.common.crypto.SealedMessage;
import org.springframework.http.MediaType;

import java.util.Optional;

/**
 * The two spellings of a sealed envelope (docs/crypto.md §3). The request's Content-Type chooses one; the reply and
 * the opened payload's receipt use the same one, as a partner answers in the format it was spoken to.
 */
public enum EnvelopeForm {
    JSON(MediaType.APPLICATION_JSON),
    XML(MediaType.APPLICATION_XML);

    private final MediaType mediaType;

    EnvelopeForm(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    /** JSON for {@code application/json} (and {@code +json}), XML for {@code application/xml}, {@code text/xml}, {@code +xml}. */
    public static Optional<EnvelopeForm> of(MediaType contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String subtype = contentType.getSubtype();
        if (MediaType.APPLICATION_JSON.isCompatibleWith(contentType) || subtype.endsWith("+json")) {
            return Optional.of(JSON);
        }
        if (MediaType.APPLICATION_XML.isCompatibleWith(contentType) || MediaType.TEXT_XML.isCompatibleWith(contentType)
                || subtype.endsWith("+xml")) {
            return Optional.of(XML);
        }
        return Optional.empty();
    }

    /**
     * Parses strictly in this form: an XML body labelled JSON is malformed, not guessed at.
     *
     * @throws cn.hnsw.common.crypto.SealRefusedException {@code MALFORMED}
     */
    public SealedMessage parse(byte[] body) {
        return this == JSON ? SealedMessage.fromJson(body) : SealedMessage.fromXml(body);
    }

    public byte[] encode(SealedMessage message) {
        return this == JSON ? message.toJson() : message.toXml();
    }
}
