package cn.hnsw.passenger.payment;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hnsw.passenger.payment.*}: per channel whether it is enabled, the partner system behind it and the message
 * dialect it speaks ({@code ALIPAY}, {@code TENPAY} or {@code BANK}); how long a payment order stays open.
 */
@ConfigurationProperties("hnsw.passenger.payment")
public record PaymentSettings(Map<PaymentChannel, Channel> channels, Duration orderValidity) {

    public enum Dialect { ALIPAY, TENPAY, BANK }

    public record Channel(boolean enabled, String partnerId, Dialect dialect) {
    }

    public PaymentSettings {
        channels = channels == null || channels.isEmpty() ? Map.of() : new EnumMap<>(channels);
        orderValidity = orderValidity == null ? Duration.ofMinutes(30) : orderValidity;
    }
}
