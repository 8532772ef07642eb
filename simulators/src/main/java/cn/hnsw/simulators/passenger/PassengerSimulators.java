package cn.hnsw.simulators.passenger;

import cn.hnsw.common.partner.ClientCredentialsTokenProvider;
import cn.hnsw.simulators.partner.Partner;
import cn.hnsw.simulators.sealed.EnvelopeForm;
import cn.hnsw.simulators.sealed.PlatformPushClient;
import cn.hnsw.simulators.sealed.PushResult;
import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the passenger simulators share: the run-time settings, a scheduler for the answers that come later (business
 * receipts, payment notifications), and pushing them sealed to the platform with the simulators' service token.
 */
@Component
public class PassengerSimulators {

    private static final Logger log = LoggerFactory.getLogger(PassengerSimulators.class);

    private final AtomicReference<PassengerSimulatorSettings> settings;
    private final PlatformPushClient push;
    private final ClientCredentialsTokenProvider tokens;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4, r -> {
        Thread t = new Thread(r, "passenger-simulator");
        t.setDaemon(true);
        return t;
    });

    public PassengerSimulators(PlatformPushClient push,
                               @Value("${hnsw.simulators.passenger.decision-delay:2s}") Duration decisionDelay,
                               @Value("${hnsw.simulators.passenger.inspection-rate:0.1}") double inspectionRate,
                               @Value("${hnsw.simulators.passenger.payment-delay:1s}") Duration paymentDelay,
                               @Value("${hnsw.simulators.passenger.receipt-url:http://localhost:8081/api/passenger/v1/customs/receipts}") URI receiptUrl,
                               @Value("${hnsw.simulators.passenger.notification-base-url:http://localhost:8081/api/passenger/v1/payment-notifications}") URI notificationBaseUrl,
                               @Value("${hnsw.partners.client-id:}") String clientId,
                               @Value("${hnsw.partners.client-secret:}") String clientSecret,
                               @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuer) {
        this.push = push;
        this.settings = new AtomicReference<>(new PassengerSimulatorSettings(decisionDelay, inspectionRate, paymentDelay,
                receiptUrl, notificationBaseUrl));
        this.tokens = clientId == null || clientId.isBlank() || issuer == null || issuer.isBlank() ? null
                : new ClientCredentialsTokenProvider(URI.create(issuer.replaceAll("/$", "")
                + "/protocol/openid-connect/token"), clientId, clientSecret, HttpClient.newHttpClient(),
                Duration.ofSeconds(10), Clock.systemUTC());
    }

    public PassengerSimulatorSettings settings() {
        return settings.get();
    }

    public void update(PassengerSimulatorSettings next) {
        settings.set(next);
    }

    /** Pushes {@code payload} from {@code partner} to {@code target} after {@code delay}. */
    public void pushLater(Partner partner, URI target, byte[] payload, Duration delay, String what) {
        scheduler.schedule(() -> {
            try {
                String token = tokens == null ? null : tokens.token().orElse(null);
                PushResult result = push.push(partner, target, payload, EnvelopeForm.JSON, token);
                log.info("event=simulator-passenger-push partner={} what={} outcome={} status={}", partner.id(), what,
                        result.outcome(), result.status());
            } catch (RuntimeException e) {
                log.warn("event=simulator-passenger-push-failed partner={} what={} error={}", partner.id(), what,
                        e.toString());
            }
        }, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    Optional<ClientCredentialsTokenProvider> tokens() {
        return Optional.ofNullable(tokens);
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
