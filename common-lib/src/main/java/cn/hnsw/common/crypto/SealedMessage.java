package cn.hnsw.common.crypto;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * 报文 — the sealed envelope exchanged with partners: the body encrypted with a fresh SM4 key, that key wrapped for
 * the recipient, and the sender's SM2 signature over every other field.
 *
 * <p>Byte arrays are copied in and out, so an instance cannot change after construction. Fields are not validated
 * here: {@link MessageSealer#open} decides what is acceptable and says why not, rather than a constructor.
 *
 * @param version        envelope format version, {@value #VERSION}
 * @param messageId      报文编号: unique per sender, a random UUID when sealed here; the replay key
 * @param senderKeyId    the key that signed
 * @param recipientKeyId the key that {@code wrappedKey} is encrypted to
 * @param timestamp      when sealed, to the millisecond
 * @param nonce          16 random bytes; keeps each signed header unique even if a partner reuses message ids
 * @param wrappedKey     the SM4 key, SM2-encrypted to the recipient, {@code C1 || C3 || C2} (113 bytes)
 * @param iv             SM4-GCM IV, 12 bytes
 * @param ciphertext     SM4-GCM ciphertext with its 16-byte tag
 * @param signature      SM2 signature, {@code r || s} (64 bytes), over the SM3 digest of the canonical encoding
 */
public record SealedMessage(int version, String messageId, String senderKeyId, String recipientKeyId,
                            Instant timestamp, byte[] nonce, byte[] wrappedKey, byte[] iv, byte[] ciphertext,
                            byte[] signature) {

    /** The only envelope version so far. */
    public static final int VERSION = 1;

    public SealedMessage {
        nonce = copy(nonce);
        wrappedKey = copy(wrappedKey);
        iv = copy(iv);
        ciphertext = copy(ciphertext);
        signature = copy(signature);
    }

    @Override
    public byte[] nonce() {
        return copy(nonce);
    }

    @Override
    public byte[] wrappedKey() {
        return copy(wrappedKey);
    }

    @Override
    public byte[] iv() {
        return copy(iv);
    }

    @Override
    public byte[] ciphertext() {
        return copy(ciphertext);
    }

    @Override
    public byte[] signature() {
        return copy(signature);
    }

    /** This envelope as compact UTF-8 JSON. */
    public byte[] toJson() {
        return SealedMessageCodec.toJson(this);
    }

    /** This envelope as UTF-8 XML. */
    public byte[] toXml() {
        return SealedMessageCodec.toXml(this);
    }

    /**
     * Parses the JSON form.
     *
     * @throws SealRefusedException with {@link RefusalCode#MALFORMED} for anything but a complete, strict envelope
     */
    public static SealedMessage fromJson(byte[] json) {
        return SealedMessageCodec.fromJson(json);
    }

    /**
     * Parses the XML form.
     *
     * @throws SealRefusedException with {@link RefusalCode#MALFORMED} for anything but a complete, strict envelope
     */
    public static SealedMessage fromXml(byte[] xml) {
        return SealedMessageCodec.fromXml(xml);
    }

    /**
     * Parses either form, told apart by the first non-blank character.
     *
     * @throws SealRefusedException with {@link RefusalCode#MALFORMED} for anything but a complete, strict envelope
     */
    public static SealedMessage parse(byte[] encoded) {
        return SealedMessageCodec.parse(encoded);
    }

    // Internal read access without the defensive copy, for the sealer's digest and decryption; never written to.
    byte[] ciphertextView() {
        return ciphertext;
    }

    byte[] nonceView() {
        return nonce;
    }

    byte[] wrappedKeyView() {
        return wrappedKey;
    }

    byte[] ivView() {
        return iv;
    }

    byte[] signatureView() {
        return signature;
    }

    private static byte[] copy(byte[] bytes) {
        return bytes == null ? null : bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedMessage that
                && version == that.version
                && Objects.equals(messageId, that.messageId)
                && Objects.equals(senderKeyId, that.senderKeyId)
                && Objects.equals(recipientKeyId, that.recipientKeyId)
                && Objects.equals(timestamp, that.timestamp)
                && Arrays.equals(nonce, that.nonce)
                && Arrays.equals(wrappedKey, that.wrappedKey)
                && Arrays.equals(iv, that.iv)
                && Arrays.equals(ciphertext, that.ciphertext)
                && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        int result = Objects.hash(version, messageId, senderKeyId, recipientKeyId, timestamp);
        result = 31 * result + Arrays.hashCode(nonce);
        result = 31 * result + Arrays.hashCode(wrappedKey);
        result = 31 * result + Arrays.hashCode(iv);
        result = 31 * result + Arrays.hashCode(ciphertext);
        return 31 * result + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "SealedMessage[version=" + version + ", messageId=" + messageId + ", sender=" + senderKeyId
                + ", recipient=" + recipientKeyId + ", timestamp=" + timestamp + ", ciphertext="
                + (ciphertext == null ? "null" : ciphertext.length + " bytes") + "]";
    }
}
