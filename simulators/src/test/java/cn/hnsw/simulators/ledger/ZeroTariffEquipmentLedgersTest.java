package cn.hnsw.simulators.ledger;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ZeroTariffEquipmentLedgersTest {

    static final String HAIKOU = "91460100MA5RCL3Y4P";
    static final String YANGPU = "91460000MA5T8XQ21K";

    @Test
    @SuppressWarnings("unchecked")
    void eachEnterpriseGetsItsOwnLedgersTheSameEveryTimeAndNeverAnothersByNumber() {
        Map<String, Object> vehicles = ZeroTariffEquipmentLedgers.answer(HAIKOU, "VEHICLE_YACHT", null);
        assertThat(vehicles.get("messageType")).isEqualTo("EQUIPMENT_LEDGERS");
        List<Map<String, Object>> ledgers = (List<Map<String, Object>>) vehicles.get("ledgers");
        assertThat(ledgers).isNotEmpty().allSatisfy(l -> {
            assertThat(l.get("enterprise")).isEqualTo(HAIKOU);
            assertThat((String) l.get("ledgerNo")).startsWith("HNJT");
            assertThat((List<?>) l.get("items")).hasSize((Integer) l.get("itemCount"));
        });
        assertThat(ZeroTariffEquipmentLedgers.answer(HAIKOU, "VEHICLE_YACHT", null)).isEqualTo(vehicles);

        String own = (String) ledgers.get(0).get("ledgerNo");
        assertThat((List<?>) ZeroTariffEquipmentLedgers.answer(HAIKOU, "VEHICLE_YACHT", own).get("ledgers")).hasSize(1);
        assertThat(ZeroTariffEquipmentLedgers.answer(YANGPU, "VEHICLE_YACHT", own).get("code")).isEqualTo("NOT_FOUND");

        Map<String, Object> equipment = ZeroTariffEquipmentLedgers.answer(HAIKOU, "SELF_USE_EQUIPMENT", null);
        assertThat(((List<Map<String, Object>>) equipment.get("ledgers")).get(0).get("ledgerNo").toString()).startsWith("HNSB");
        assertThat(ZeroTariffEquipmentLedgers.answer(HAIKOU, "BICYCLE", null).get("code")).isEqualTo("BAD_KIND");
        assertThat(ZeroTariffEquipmentLedgers.answer("not-a-code", "VEHICLE_YACHT", null).get("code")).isEqualTo("BAD_USCC");
    }
}
