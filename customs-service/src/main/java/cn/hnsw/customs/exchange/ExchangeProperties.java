package cn.hnsw.customs.exchange;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * {@code hnsw.customs.exchange.*}: how the outbound queue retries, and who may send receipts and distributions in.
 * Where partners listen and the service token are common-lib's {@code hnsw.partners.*}.
 *
 * @param maxAttempts      attempts before a message is permanently failed
 * @param initialBackoff   wait after the first failure (doubles each time, with jitter)
 * @param maxBackoff       longest wait
 * @param pollInterval     longest sleep of the dispatcher when nothing wakes it
 * @param lease            how long a claimed message stays with the dispatcher that claimed it
 * @param receiptSenders   partner ids whose receipts are accepted (the Single Window, H2018)
 * @param subcentreSenders key ids whose distributions the sub-centre accepts
 */
@ConfigurationProperties("hnsw.customs.exchange")
public record ExchangeProperties(
        @DefaultValue("6") int maxAttempts,
        @DefaultValue("500ms") Duration initialBackoff,
        @DefaultValue("1m") Duration maxBackoff,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("1m") Duration lease,
        @DefaultValue({"single-window-standard", "customs-h2018"}) List<String> receiptSenders,
        @DefaultValue({"hnsw-platform", "single-window-standard"}) List<String> subcentreSenders) {
}
