package cn.hnsw.portsituation.subscription;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * {@code hnsw.subscriptions.*}: how deliveries are retried and where webhooks may point.
 *
 * @param webhookHostsAllowedOverHttp hosts a webhook may reach over plain http (the simulators, a test); every other
 *                                    webhook must be https and must not point at a loopback, link-local or private
 *                                    address
 * @param maxAttempts                 attempts before a delivery is given up as {@code FAILED}
 * @param retryBase                   wait after the first failed attempt; doubled after each further one
 * @param retryMax                    the longest wait between attempts
 * @param poll                        how often due deliveries are looked for
 * @param timeout                     per attempt (connect and answer)
 */
@ConfigurationProperties("hnsw.subscriptions")
public record SubscriptionProperties(List<String> webhookHostsAllowedOverHttp, int maxAttempts, Duration retryBase,
                                     Duration retryMax, Duration poll, Duration timeout) {

    public SubscriptionProperties {
        webhookHostsAllowedOverHttp = webhookHostsAllowedOverHttp == null ? List.of()
                : List.copyOf(webhookHostsAllowedOverHttp);
        maxAttempts = maxAttempts <= 0 ? 6 : maxAttempts;
        retryBase = retryBase == null ? Duration.ofSeconds(5) : retryBase;
        retryMax = retryMax == null ? Duration.ofMinutes(10) : retryMax;
        poll = poll == null ? Duration.ofSeconds(1) : poll;
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
    }
}
