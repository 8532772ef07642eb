package cn.hnsw.common.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * 加签 + 报文加密 / 验签 + 解密 — seals payloads for partners and opens what they send.
 *
 * <p>Seal: a fresh SM4 key encrypts the payload (SM4-GCM); the key is SM2-encrypted to the recipient's public key
 * ({@code C1C3C2}); the sender's cipher-device key signs (SM2, default user id) the SM3 digest of a canonical,
 * length-prefixed encoding of every envelope field but the signature, so no header field can be swapped.
 *
 * <p>Open checks, in this order, and refuses with a {@link SealRefusedException} at the first failure:
 * <ol>
 *   <li>well-formed ({@link RefusalCode#MALFORMED});</li>
 *   <li>the signer is in the key directory ({@link RefusalCode#UNKNOWN_SIGNER});</li>
 *   <li>the signature verifies ({@link RefusalCode#TAMPERED});</li>
 *   <li>the recipient is a key of our cipher device ({@link RefusalCode#WRONG_RECIPIENT});</li>
 *   <li>the timestamp is within the allowed skew of our clock, either way ({@link RefusalCode#EXPIRED});</li>
 *   <li>the message id is new for that sender ({@link RefusalCode#REPLAYED});</li>
 *   <li>then it decrypts ({@link RefusalCode#TAMPERED} if the key or body does not).</li>
 * </ol>
 * Authenticity is settled before anything that has state or costs a private-key operation, so an outsider can
 * neither fill the replay guard nor make the device decrypt. Bad input never raises anything but
 * {@link SealRefusedException}, and no payload is returned unless every check passed. Failures of the cipher
 * device ({@link CipherDeviceException}) or replay guard are not the sender's fault and propagate as they are.
 *
 * <p>Thread-safe if the device, directory and replay guard are.
 */
public final class MessageSealer {

    /** Default allowed clock difference between sender and platform. */
    public static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    /** Largest ciphertext accepted (16 MiB): bigger documents go by file transfer with a sealed manifest. */
    public static final int MAX_CIPHERTEXT_BYTES = 16 * 1024 * 1024;

    static final int NONCE_LENGTH = 16;
    static final int WRAPPED_KEY_LENGTH = Sm2.CIPHERTEXT_OVERHEAD + Sm4.KEY_LENGTH;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final byte[] DOMAIN_TAG = "HNSW-SEALED-MESSAGE\0".getBytes(StandardCharsets.US_ASCII);

    private final CipherDevice device;
    private final KeyDirectory directory;
    private final ReplayGuard replayGuard;
    private final Clock clock;
    private final Duration maxClockSkew;
    private final SecureRandom random = new SecureRandom();

    public MessageSealer(CipherDevice device, KeyDirectory directory, ReplayGuard replayGuard, Clock clock) {
        this(device, directory, replayGuard, clock, DEFAULT_MAX_CLOCK_SKEW);
    }

    /**
     * @param device       holds our private keys: signs what we seal, unwraps what we open
     * @param directory    partners' public keys: recipients we seal to, signers we accept
     * @param replayGuard  remembers accepted message ids
     * @param clock        source of "now" for timestamps and the time window
     * @param maxClockSkew how far a message's timestamp may be from our clock, past or future
     */
    public MessageSealer(CipherDevice device, KeyDirectory directory, ReplayGuard replayGuard, Clock clock,
                         Duration maxClockSkew) {
        this.device = Objects.requireNonNull(device, "device");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.replayGuard = Objects.requireNonNull(replayGuard, "replayGuard");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxClockSkew.isNegative() || maxClockSkew.isZero()) {
            throw new IllegalArgumentException("maxClockSkew must be positive");
        }
        this.maxClockSkew = maxClockSkew;
    }

    /**
     * Seals {@code payload} from our key {@code senderKeyId} to the partner key {@code recipientKeyId}.
     *
     * @throws IllegalArgumentException for an invalid key id, an unknown recipient or a payload over the limit
     * @throws CipherDeviceException    when the device does not hold {@code senderKeyId} or fails
     */
    public SealedMessage seal(byte[] payload, String senderKeyId, String recipientKeyId) {
        Objects.requireNonNull(payload, "payload");
        requireId(senderKeyId, "senderKeyId");
        requireId(recipientKeyId, "recipientKeyId");
        if (payload.length > MAX_CIPHERTEXT_BYTES - Sm4.GCM_TAG_LENGTH) {
            throw new IllegalArgumentException("payload larger than " + (MAX_CIPHERTEXT_BYTES - Sm4.GCM_TAG_LENGTH) + " bytes");
        }
        Sm2PublicKey recipientKey = directory.publicKey(recipientKeyId)
                .orElseThrow(() -> new IllegalArgumentException("recipient key " + recipientKeyId + " is not in the key directory"));

        byte[] key = Sm4.generateKey(random);
        byte[] iv = new byte[Sm4.GCM_IV_LENGTH];
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(iv);
        random.nextBytes(nonce);
        byte[] ciphertext;
        byte[] wrappedKey;
        try {
            ciphertext = Sm4.encryptGcm(key, iv, payload);
            wrappedKey = Sm2.encrypt(recipientKey, key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        String messageId = UUID.randomUUID().toString();
        Instant timestamp = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        byte[] digest = digest(SealedMessage.VERSION, messageId, senderKeyId, recipientKeyId, timestamp, nonce,
                wrappedKey, iv, ciphertext);
        byte[] signature = device.sign(senderKeyId, digest);
        return new SealedMessage(SealedMessage.VERSION, messageId, senderKeyId, recipientKeyId, timestamp, nonce,
                wrappedKey, iv, ciphertext, signature);
    }

    /**
     * Opens the JSON or XML form of a sealed message (told apart by its first non-blank character).
     *
     * @throws SealRefusedException for anything that is not a valid, fresh, authentic message to us
     */
    public OpenedMessage open(byte[] encoded) {
        SealedMessage message;
        try {
            message = SealedMessage.parse(encoded);
        } catch (SealRefusedException e) {
            throw e;
        } catch (RuntimeException e) {
            // The parsers should report everything as MALFORMED; this keeps a parser bug from leaking as a 500.
            throw new SealRefusedException(RefusalCode.MALFORMED, "unparseable envelope", e);
        }
        return open(message);
    }

    /**
     * Verifies and decrypts a sealed message; see the class comment for the order of checks.
     *
     * @throws SealRefusedException for anything that is not a valid, fresh, authentic message to us
     */
    public OpenedMessage open(SealedMessage message) {
        if (message == null) {
            throw new SealRefusedException(RefusalCode.MALFORMED, "no envelope");
        }
        checkWellFormed(message);

        TrustedKey signer = directory.byKeyId(message.senderKeyId())
                .orElseThrow(() -> new SealRefusedException(RefusalCode.UNKNOWN_SIGNER,
                        "sender key " + message.senderKeyId() + " not in key directory"));

        byte[] digest = digest(message.version(), message.messageId(), message.senderKeyId(), message.recipientKeyId(),
                message.timestamp(), message.nonceView(), message.wrappedKeyView(), message.ivView(),
                message.ciphertextView());
        if (!Sm2.verify(signer.publicKey(), digest, message.signatureView())) {
            throw new SealRefusedException(RefusalCode.TAMPERED, "signature of " + message.messageId() + " does not verify");
        }

        if (!device.keyIds().contains(message.recipientKeyId())) {
            throw new SealRefusedException(RefusalCode.WRONG_RECIPIENT,
                    "recipient " + message.recipientKeyId() + " is not a key of this platform");
        }

        Instant now = clock.instant();
        Instant timestamp = message.timestamp();
        if (timestamp.isBefore(now.minus(maxClockSkew)) || timestamp.isAfter(now.plus(maxClockSkew))) {
            throw new SealRefusedException(RefusalCode.EXPIRED,
                    "timestamp " + timestamp + " more than " + maxClockSkew + " from " + now);
        }

        if (!replayGuard.firstSeen(message.senderKeyId(), message.messageId(), timestamp.plus(maxClockSkew))) {
            throw new SealRefusedException(RefusalCode.REPLAYED,
                    "message " + message.messageId() + " from " + message.senderKeyId() + " already received");
        }

        byte[] key = null;
        try {
            key = device.decrypt(message.recipientKeyId(), message.wrappedKeyView());
            if (key.length != Sm4.KEY_LENGTH) {
                throw new SealRefusedException(RefusalCode.TAMPERED, "wrapped key is not an SM4 key");
            }
            byte[] payload = Sm4.decryptGcm(key, message.ivView(), message.ciphertextView());
            return new OpenedMessage(message.messageId(), message.senderKeyId(), message.recipientKeyId(), timestamp,
                    payload);
        } catch (CryptoOperationException e) {
            // Signed by a known key yet undecryptable: the sender sealed to a key we no longer hold, or sealed garbage.
            throw new SealRefusedException(RefusalCode.TAMPERED, "body of " + message.messageId() + " does not decrypt", e);
        } finally {
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
        }
    }

    private static void checkWellFormed(SealedMessage m) {
        String problem = null;
        if (m.version() != SealedMessage.VERSION) {
            problem = "unsupported version " + m.version();
        } else if (!isId(m.messageId())) {
            problem = "invalid messageId";
        } else if (!isId(m.senderKeyId())) {
            problem = "invalid senderKeyId";
        } else if (!isId(m.recipientKeyId())) {
            problem = "invalid recipientKeyId";
        } else if (m.timestamp() == null || m.timestamp().getNano() % 1_000_000 != 0) {
            problem = "timestamp missing or finer than a millisecond";
        } else if (m.nonceView() == null || m.nonceView().length != NONCE_LENGTH) {
            problem = "nonce must be " + NONCE_LENGTH + " bytes";
        } else if (m.wrappedKeyView() == null || m.wrappedKeyView().length != WRAPPED_KEY_LENGTH
                || m.wrappedKeyView()[0] != 0x04) {
            problem = "wrappedKey must be an SM2 C1C3C2 ciphertext of a 16-byte key";
        } else if (m.ivView() == null || m.ivView().length != Sm4.GCM_IV_LENGTH) {
            problem = "iv must be " + Sm4.GCM_IV_LENGTH + " bytes";
        } else if (m.ciphertextView() == null || m.ciphertextView().length < Sm4.GCM_TAG_LENGTH
                || m.ciphertextView().length > MAX_CIPHERTEXT_BYTES) {
            problem = "ciphertext size out of range";
        } else if (m.signatureView() == null || m.signatureView().length != Sm2.RAW_SIGNATURE_LENGTH) {
            problem = "signature must be 64 bytes r||s";
        }
        if (problem != null) {
            throw new SealRefusedException(RefusalCode.MALFORMED, problem);
        }
    }

    /**
     * SM3 of the canonical encoding: a domain tag, then each field length-prefixed (4-byte big-endian) so that no
     * two different envelopes encode alike; the timestamp as 8-byte epoch milliseconds. Fed to the digest piece by
     * piece so the ciphertext is never copied.
     */
    static byte[] digest(int version, String messageId, String senderKeyId, String recipientKeyId, Instant timestamp,
                         byte[] nonce, byte[] wrappedKey, byte[] iv, byte[] ciphertext) {
        SM3Digest sm3 = new SM3Digest();
        sm3.update(DOMAIN_TAG, 0, DOMAIN_TAG.length);
        updateInt(sm3, version);
        updateField(sm3, messageId.getBytes(StandardCharsets.UTF_8));
        updateField(sm3, senderKeyId.getBytes(StandardCharsets.UTF_8));
        updateField(sm3, recipientKeyId.getBytes(StandardCharsets.UTF_8));
        long millis = timestamp.toEpochMilli();
        updateInt(sm3, (int) (millis >>> 32));
        updateInt(sm3, (int) millis);
        updateField(sm3, nonce);
        updateField(sm3, wrappedKey);
        updateField(sm3, iv);
        updateField(sm3, ciphertext);
        byte[] out = new byte[Sm3.DIGEST_LENGTH];
        sm3.doFinal(out, 0);
        return out;
    }

    private static void updateField(SM3Digest sm3, byte[] field) {
        updateInt(sm3, field.length);
        sm3.update(field, 0, field.length);
    }

    private static void updateInt(SM3Digest sm3, int value) {
        sm3.update((byte) (value >>> 24));
        sm3.update((byte) (value >>> 16));
        sm3.update((byte) (value >>> 8));
        sm3.update((byte) value);
    }

    private static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    private static void requireId(String id, String what) {
        if (!isId(id)) {
            throw new IllegalArgumentException(what + " must match " + ID.pattern());
        }
    }
}
