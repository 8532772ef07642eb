package cn.hnsw.common.crypto;

import java.util.Base64;

/**
 * Base64 (RFC 4648 standard alphabet, padded) that accepts exactly one text per byte string: no line breaks, no
 * missing padding, no non-zero pad bits. The JDK decoder alone accepts "QR==" for the bytes of "QQ==", and a
 * signed envelope should not have two spellings.
 */
final class StrictBase64 {

    private static final Base64.Decoder DECODER = Base64.getDecoder();
    private static final Base64.Encoder ENCODER = Base64.getEncoder();

    private StrictBase64() {
    }

    static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /** @throws IllegalArgumentException unless {@code text} is canonical padded base64 */
    static byte[] decode(String text) {
        int length = text.length();
        if (length % 4 != 0) {
            throw new IllegalArgumentException("base64 length is not a multiple of 4");
        }
        byte[] bytes = DECODER.decode(text); // rejects characters outside the alphabet and misplaced '='
        int padding = length == 0 ? 0 : (text.charAt(length - 1) == '=' ? (text.charAt(length - 2) == '=' ? 2 : 1) : 0);
        if (bytes.length != length / 4 * 3 - padding) {
            throw new IllegalArgumentException("base64 padding inside the text");
        }
        if (padding > 0) {
            // Re-encode the last group: it differs only when the unused pad bits were not zero.
            int tail = 3 - padding;
            String lastGroup = ENCODER.encodeToString(java.util.Arrays.copyOfRange(bytes, bytes.length - tail, bytes.length));
            if (!text.regionMatches(length - 4, lastGroup, 0, 4)) {
                throw new IllegalArgumentException("base64 pad bits are not zero");
            }
        }
        return bytes;
    }
}
