package cn.hnsw.tradewindow.repair;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessCheckTest {

    @Test
    void imoCheckDigit() {
        assertThat(BusinessCheck.validImo("9074729")).isTrue();
        assertThat(BusinessCheck.validImo("9074728")).isFalse();
        assertThat(BusinessCheck.validImo("907472")).isFalse();
    }

    @Test
    void requiredDocumentsPerKind() {
        assertThat(RepairDocumentType.required("AVIATION")).hasSize(5);
        assertThat(RepairDocumentType.required("SHIPPING")).hasSize(7);
        assertThat(BusinessCheck.check("AVIATION", "B-1234", null, EnumSet.copyOf(RepairDocumentType.required("AVIATION")))).isEmpty();
        assertThat(BusinessCheck.check("AVIATION", "N1234", null, EnumSet.noneOf(RepairDocumentType.class)))
                .hasSize(6).anyMatch(p -> p.contains("运行合格证")).anyMatch(p -> p.contains("B-"));
        assertThat(BusinessCheck.check("SHIPPING", "椰风号", "9074728", EnumSet.copyOf(RepairDocumentType.required("SHIPPING"))))
                .containsExactly("IMO 编号校验位错误 / The IMO number's check digit is wrong");
    }
}
