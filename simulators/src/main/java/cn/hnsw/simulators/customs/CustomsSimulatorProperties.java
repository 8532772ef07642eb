package cn.hnsw.simulators.customs;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code hnsw.simulators.customs.*}: where the simulated Single Window pushes business receipts, which decision it
 * gives and after how long, and the manifests the simulated manifest system holds; for the second line, the
 * verification lists H2018/金关二期 hold, the consolidated-list decision, and how often an arrival is inspected and
 * with which result (all changed at run time through {@link CustomsSimulatorSettings}); the customs credit grade
 * (海关企业信用等级: ADVANCED_CERTIFIED 高级认证企业, GENERAL 其他注册登记和备案企业, DISHONEST 失信企业) of enterprises
 * by unified social credit code, {@value #DEFAULT_CREDIT_GRADE} for any other; and the taxes H2018 levies on a
 * second-line declaration (税单, carried by the business receipt): duty at {@code duty-rate} of the value in yuan
 * ({@code exchange-rates}), import VAT at {@code vat-rate} of value plus duty, per goods item. Direct release is
 * zero-tariff and carries none.
 */
@ConfigurationProperties("hnsw.simulators.customs")
public record CustomsSimulatorProperties(
        URI receiptUrl,
        @DefaultValue("RELEASED") String businessDecision,
        @DefaultValue("0ms") Duration businessDelay,
        List<Manifest> manifests,
        List<VerificationListRecord> verificationLists,
        @DefaultValue("APPROVED") String consolidatedDecision,
        @DefaultValue("0.1") double inspectionRate,
        @DefaultValue("PASSED") String inspectionResult,
        Map<String, String> creditGrades,
        @DefaultValue("0.05") BigDecimal dutyRate,
        @DefaultValue("0.13") BigDecimal vatRate,
        Map<String, BigDecimal> exchangeRates) {

    /** The credit grade of an enterprise the simulated Single Window holds no grade for. */
    public static final String DEFAULT_CREDIT_GRADE = "GENERAL";

    /** Yuan per unit of currency, as customs' monthly rates might read; a currency not listed counts 1:1. */
    public static final Map<String, BigDecimal> DEFAULT_EXCHANGE_RATES = Map.of("CNY", BigDecimal.ONE,
            "USD", new BigDecimal("7.10"), "EUR", new BigDecimal("7.75"), "HKD", new BigDecimal("0.91"),
            "JPY", new BigDecimal("0.048"), "SGD", new BigDecimal("5.30"));

    public CustomsSimulatorProperties {
        creditGrades = creditGrades == null ? Map.of() : Map.copyOf(creditGrades);
        exchangeRates = exchangeRates == null || exchangeRates.isEmpty() ? DEFAULT_EXCHANGE_RATES : Map.copyOf(exchangeRates);
        manifests = manifests == null ? List.of() : List.copyOf(manifests);
        verificationLists = verificationLists == null ? List.of() : List.copyOf(verificationLists);
    }

    /** One manifest bill. */
    public record Manifest(String billOfLadingNo, String vesselName, String voyageNo, String transportMode,
                           Integer packages, BigDecimal grossWeight, String departureCountry, String portCode,
                           String goodsDescription) {
    }
}
