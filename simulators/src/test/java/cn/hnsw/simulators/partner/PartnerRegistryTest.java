package cn.hnsw.simulators.partner;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.simulators.partner.PartnerProperties.PartnerDefinition;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartnerRegistryTest {

    static Partner customs(String id, String keyId) {
        return new Partner(id, "H2018 通关管理系统模拟器", "H2018 clearance management system simulator",
                PartnerKind.CUSTOMS_H2018, keyId);
    }

    @Test
    void everyNameMustSayItIsASimulator() {
        assertThatThrownBy(() -> new Partner("customs-h2018", "H2018 通关管理系统", "H2018 simulator",
                PartnerKind.CUSTOMS_H2018, "customs-h2018")).hasMessageContaining("模拟器");
        assertThatThrownBy(() -> new Partner("customs-h2018", "H2018 模拟器", "H2018 clearance management system",
                PartnerKind.CUSTOMS_H2018, "customs-h2018")).hasMessageContaining("simulator");
        assertThat(new Partner("customs-h2018", "H2018 模拟器", "H2018 Simulator", PartnerKind.CUSTOMS_H2018,
                "customs-h2018").nameEn()).isEqualTo("H2018 Simulator");
    }

    @Test
    void idsAndKeyIdsAreUrlAndKeyStoreSafe() {
        assertThatThrownBy(() -> customs("Customs H2018", "customs-h2018")).hasMessageContaining("id");
        assertThatThrownBy(() -> customs("customs-h2018", "../platform")).hasMessageContaining("keyId");
    }

    @Test
    void refusesAmbiguousPartners() {
        assertThatThrownBy(() -> new PartnerRegistry(List.of(customs("a", "k1"), customs("a", "k2"))))
                .hasMessageContaining("duplicate");
        assertThatThrownBy(() -> new PartnerRegistry(List.of(customs("a", "k1"), customs("b", "k1"))))
                .hasMessageContaining("share key id");
    }

    @Test
    void findsPartnersInConfigurationOrderAndKeyIdsDefaultToTheId() {
        PartnerRegistry registry = new PartnerRegistry(new PartnerProperties(List.of(
                new PartnerDefinition("gate-control", "卡口管理与控制系统模拟器", "Gate control simulator", PartnerKind.GATE, null),
                new PartnerDefinition("bank-boc-hainan", "中国银行海南省分行模拟器", "BOC Hainan simulator",
                        PartnerKind.BANK, "bank-boc-hainan"))));
        assertThat(registry.all()).extracting(Partner::id).containsExactly("gate-control", "bank-boc-hainan");
        assertThat(registry.require("gate-control").keyId()).isEqualTo("gate-control");
        assertThat(registry.find("nobody")).isEmpty();
        assertThatThrownBy(() -> registry.require("nobody")).isInstanceOfSatisfying(HnswException.class,
                e -> assertThat(e.errorCode()).isEqualTo(PartnerErrorCode.PARTNER_NOT_FOUND));
    }
}
