package cn.hnsw.ledger.customs;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hnsw.ledger.customs.*}: where 金关二期 takes sealed messages, its key id, the platform key id, and the
 * client-credentials settings of the ledger service's service token.
 */
@ConfigurationProperties("hnsw.ledger.customs")
public record CustomsProperties(String endpoint, String partnerKeyId, String platformKeyId, String tokenUri,
                                String clientId, String clientSecret) {

    public CustomsProperties {
        partnerKeyId = partnerKeyId == null ? "customs-golden-customs-2" : partnerKeyId;
        platformKeyId = platformKeyId == null ? "hnsw-platform" : platformKeyId;
    }
}
