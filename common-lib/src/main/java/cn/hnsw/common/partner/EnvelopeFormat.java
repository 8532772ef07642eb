package cn.hnsw.common.partner;

import cn.hnsw.common.crypto.SealedMessage;

/** The two envelope forms of docs/crypto.md §3. */
public enum EnvelopeFormat {
    JSON("application/json"),
    XML("application/xml");

    private final String mediaType;

    EnvelopeFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    public byte[] encode(SealedMessage message) {
        return this == JSON ? message.toJson() : message.toXml();
    }

    /** By the first non-blank byte: {@code <} is XML, anything else JSON. */
    public static EnvelopeFormat detect(byte[] encoded) {
        for (byte b : encoded) {
            if (!Character.isWhitespace(b)) {
                return b == '<' ? XML : JSON;
            }
        }
        return JSON;
    }

    /** By a Content-Type header ({@code application/xml}, {@code text/xml}, {@code …+xml}: XML; else JSON). */
    public static EnvelopeFormat ofContentType(String contentType) {
        if (contentType == null) {
            return JSON;
        }
        String base = contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        return base.endsWith("/xml") || base.endsWith("+xml") ? XML : JSON;
    }
}
