package cn.hnsw.passenger.customs;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code hnsw.passenger.customs.*}: which partner is customs for passenger clearance. */
@ConfigurationProperties("hnsw.passenger.customs")
public record CustomsSettings(String partnerId) {
    public CustomsSettings {
        partnerId = partnerId == null || partnerId.isBlank() ? "customs-smart-supervision" : partnerId;
    }
}
