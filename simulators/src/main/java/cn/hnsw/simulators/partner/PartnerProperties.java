package cn.hnsw.simulators.partner;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * {@code hnsw.simulators.partners}: the simulated partner systems, in the order the status page lists them.
 *
 * @param partners one entry per partner system
 */
@ConfigurationProperties("hnsw.simulators")
public record PartnerProperties(List<PartnerDefinition> partners) {

    public PartnerProperties {
        partners = partners == null ? List.of() : List.copyOf(partners);
    }

    /**
     * One simulated partner system, {@code hnsw.simulators.partners[n]}.
     *
     * @param id     stable id in URLs and the database, e.g. {@code customs-h2018}
     * @param nameZh Chinese name; must say 模拟器
     * @param nameEn English name; must say simulator
     * @param kind   what kind of system it stands in for
     * @param keyId  the key it signs with and is sealed to; defaults to {@code id}
     */
    public record PartnerDefinition(String id, String nameZh, String nameEn, PartnerKind kind, String keyId) {

        Partner toPartner() {
            return new Partner(id, nameZh, nameEn, kind, keyId == null || keyId.isBlank() ? id : keyId);
        }
    }
}
