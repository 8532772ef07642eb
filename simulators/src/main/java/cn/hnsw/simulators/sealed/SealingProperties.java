package cn.hnsw.simulators.sealed;

import cn.hnsw.common.events.Backoff;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code hnsw.simulators.*}: where the simulated partners' keys are and how they push to the platform.
 *
 * @param keysDir          the folder {@code KeyStoreTool generate} wrote: {@code trust.p12} and
 *                         {@code partners/<keyId>.p12}; unset means the simulators cannot open or seal messages
 *                         (every sealed call answers 503) but still start, so a service can be developed without keys
 * @param keyStorePassword the password of those stores (one password, as the tool writes them)
 * @param platformKeyId    the platform's key id: the only signer the simulated partners accept, and the recipient of
 *                         their replies
 * @param maxClockSkew     how far a message's timestamp may be from the simulators' clock
 * @param push             how the simulators push sealed messages to the platform
 */
@ConfigurationProperties("hnsw.simulators")
public record SealingProperties(
        Path keysDir,
        String keyStorePassword,
        @DefaultValue("hnsw-platform") String platformKeyId,
        @DefaultValue("5m") Duration maxClockSkew,
        @DefaultValue Push push) {

    public SealingProperties {
        // The yml passes an unset environment variable as "", which would otherwise bind to the working directory.
        keysDir = keysDir == null || keysDir.toString().isBlank() ? null : keysDir;
        keyStorePassword = keyStorePassword == null || keyStorePassword.isEmpty() ? null : keyStorePassword;
    }

    /** The password never reaches a log through this record. */
    @Override
    public String toString() {
        return "SealingProperties[keysDir=" + keysDir + ", keyStorePassword=" + (keyStorePassword == null ? "unset" : "***")
                + ", platformKeyId=" + platformKeyId + ", maxClockSkew=" + maxClockSkew + ", push=" + push + "]";
    }

    /**
     * Pushing to the platform ({@code hnsw.simulators.push.*}).
     *
     * @param maxAttempts    tries per message, the first included
     * @param connectTimeout how long to wait for a connection
     * @param requestTimeout how long to wait for an answer
     * @param backoff        the wait between tries
     */
    public record Push(
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("10s") Duration requestTimeout,
            @DefaultValue Backoff backoff) {

        public Push {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("hnsw.simulators.push.max-attempts must be at least 1 but was " + maxAttempts);
            }
        }
    }
}
