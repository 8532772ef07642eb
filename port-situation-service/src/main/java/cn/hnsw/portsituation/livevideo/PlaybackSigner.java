package cn.hnsw.portsituation.livevideo;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Signs and checks the short-lived playback addresses of live video (HMAC-SHA256 over the camera code and the expiry):
 * a browser shows motion JPEG in an {@code <img>}, which sends no bearer token, so the address itself carries the
 * permission, for a minute. The key is {@code hnsw.live-video.signing-key} (Base64, at least 32 bytes) when set — every
 * instance of the service must then share it; when not set, each instance draws its own at start, and an address opens
 * only on the instance that issued it.
 */
@Component
class PlaybackSigner {

    private final byte[] key;

    PlaybackSigner(@Value("${hnsw.live-video.signing-key:}") String configured) {
        if (configured == null || configured.isBlank()) {
            key = new byte[32];
            new SecureRandom().nextBytes(key);
        } else {
            key = Base64.getDecoder().decode(configured.strip());
            if (key.length < 32) {
                throw new IllegalStateException("hnsw.live-video.signing-key must hold at least 32 bytes");
            }
        }
    }

    String sign(String cameraCode, long expiresEpochSecond) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] sig = mac.doFinal((cameraCode + "\n" + expiresEpochSecond).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean valid(String cameraCode, long expiresEpochSecond, String signature) {
        if (signature == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(cameraCode, expiresEpochSecond).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
