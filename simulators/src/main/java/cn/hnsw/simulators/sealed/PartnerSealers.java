package cn.hnsw.simulators.sealed;

import cn.hnsw.common.crypto.InMemoryKeyDirectory;
import cn.hnsw.common.crypto.MessageSealer;
import cn.hnsw.common.crypto.OpenedMessage;
import cn.hnsw.common.crypto.Pkcs12CipherDevice;
import cn.hnsw.common.crypto.ReplayGuard;
import cn.hnsw.common.crypto.SealedMessage;
import cn.hnsw.common.crypto.TrustedKey;
import cn.hnsw.common.sealing.JdbcReplayGuard;
import cn.hnsw.simulators.partner.Partner;
import cn.hnsw.simulators.partner.PartnerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated partners' side of message sealing: one {@link MessageSealer} per partner, holding that partner's
 * private key ({@code partners/<keyId>.p12} as {@code KeyStoreTool generate} writes it) and trusting exactly one
 * signer, the platform (its certificate from {@code trust.p12}). So a message signed by any other key, even another
 * partner's, is refused {@code UNKNOWN_SIGNER}, and one sealed to another partner {@code WRONG_RECIPIENT}, by the
 * sealer itself, before it touches the replay guard. The replay guard is the simulators' own database table.
 *
 * <p>Without {@code hnsw.simulators.keys-dir} the simulators start without keys and refuse sealed traffic with 503;
 * a partner whose store is missing from the folder is refused likewise, with a warning at start. A folder that is
 * there but unreadable (wrong password, no platform certificate) stops the start: that is a broken set-up.
 */
@Component
public class PartnerSealers {

    private static final Logger log = LoggerFactory.getLogger(PartnerSealers.class);

    private final String platformKeyId;
    private final Map<String, MessageSealer> byPartnerId;

    @Autowired
    public PartnerSealers(SealingProperties properties, PartnerRegistry registry, JdbcTemplate jdbc, Clock clock) {
        this(properties.keysDir(), properties.keyStorePassword(), properties.platformKeyId(),
                properties.maxClockSkew(), registry.all(), new JdbcReplayGuard(jdbc, clock), clock);
    }

    PartnerSealers(Path keysDir, String password, String platformKeyId, Duration maxClockSkew,
                   Collection<Partner> partners, ReplayGuard replayGuard, Clock clock) {
        this.platformKeyId = platformKeyId;
        Map<String, MessageSealer> sealers = new HashMap<>();
        for (Partner partner : partners) {
            if (partner.keyId().equals(platformKeyId)) {
                // The partner would sign as the platform and open the platform's mail: refuse the set-up outright.
                throw new IllegalStateException("partner simulator " + partner.id() + " uses the platform key id " + platformKeyId);
            }
        }
        if (keysDir == null) {
            log.warn("event=simulator-keys-not-configured reason=\"hnsw.simulators.keys-dir is not set\" "
                    + "effect=\"sealed messages to every partner simulator are refused with 503\"");
            this.byPartnerId = Map.of();
            return;
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalStateException("hnsw.simulators.key-store-password must be set with hnsw.simulators.keys-dir");
        }
        char[] secret = password.toCharArray();
        TrustedKey platform = InMemoryKeyDirectory.fromTrustStore(keysDir.resolve("trust.p12"), secret)
                .byKeyId(platformKeyId)
                .orElseThrow(() -> new IllegalStateException(keysDir.resolve("trust.p12")
                        + " holds no certificate for the platform key " + platformKeyId));
        InMemoryKeyDirectory onlyThePlatform = InMemoryKeyDirectory.of(List.of(platform));
        for (Partner partner : partners) {
            Path store = keysDir.resolve("partners").resolve(partner.keyId() + ".p12");
            if (!Files.isRegularFile(store)) {
                log.warn("event=simulator-key-missing partner={} name={} store={} effect=\"its sealed messages are refused with 503\"",
                        partner.id(), partner.nameZh(), store);
                continue;
            }
            Pkcs12CipherDevice device = Pkcs12CipherDevice.load(store, secret);
            if (!device.keyIds().contains(partner.keyId())) {
                throw new IllegalStateException(store + " holds no key " + partner.keyId() + " for partner simulator " + partner.id());
            }
            sealers.put(partner.id(), new MessageSealer(device, onlyThePlatform, replayGuard, clock, maxClockSkew));
        }
        this.byPartnerId = Map.copyOf(sealers);
        log.info("event=simulator-keys-loaded dir={} platformKeyId={} partners={}", keysDir, platformKeyId,
                byPartnerId.keySet().stream().sorted().toList());
    }

    /** Whether the simulator can open and answer sealed messages for {@code partner}. */
    public boolean holdsKeyOf(Partner partner) {
        return byPartnerId.containsKey(partner.id());
    }

    /** The partner's sealer, if its key was loaded. */
    public Optional<MessageSealer> sealerOf(Partner partner) {
        return Optional.ofNullable(byPartnerId.get(partner.id()));
    }

    public String platformKeyId() {
        return platformKeyId;
    }

    /**
     * Seals {@code payload} from the partner to the platform (a reply or a pushed message).
     *
     * @throws IllegalStateException when the partner's key is not loaded
     */
    public SealedMessage sealToPlatform(Partner partner, byte[] payload) {
        return requireSealer(partner).seal(payload, partner.keyId(), platformKeyId);
    }

    /**
     * Opens what the platform sent to the partner.
     *
     * @throws cn.hnsw.common.crypto.SealRefusedException for anything not authentic, fresh and addressed to it
     * @throws IllegalStateException when the partner's key is not loaded
     */
    public OpenedMessage open(Partner partner, SealedMessage message) {
        return requireSealer(partner).open(message);
    }

    private MessageSealer requireSealer(Partner partner) {
        return sealerOf(partner).orElseThrow(() -> new IllegalStateException("no key loaded for partner simulator " + partner.id()));
    }
}
