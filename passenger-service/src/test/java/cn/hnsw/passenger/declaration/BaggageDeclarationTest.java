package cn.hnsw.passenger.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hnsw.common.web.HnswException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The declaration's state moves and the validator, without Spring. */
class BaggageDeclarationTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T02:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    private static DeclarationContent content(BaggageItem... items) {
        return new DeclarationContent(SecondLinePort.XINHAI_PORT, TODAY.plusDays(1), TransportMode.WATERWAY, "XH0601",
                "陈静", "460100198805052222", List.of(items));
    }

    private static BaggageItem item(ArticleCategory c, String name, String quantity, String value) {
        return new BaggageItem(c, name, new BigDecimal(quantity), "件", new BigDecimal(value), "CNY", null);
    }

    @Test
    void everyRequestBumpsTheRevisionAndAnOlderReceiptIsRefused() {
        BaggageDeclaration d = BaggageDeclaration.submit("traveler-1", "BD1", content(item(ArticleCategory.FOOD, "椰子糖", "2", "60")), CLOCK);
        assertThat(d.revision()).isEqualTo(1);
        d.modify(content(item(ArticleCategory.FOOD, "椰子糖", "3", "90")), CLOCK);
        assertThat(d.revision()).isEqualTo(2);
        assertThat(d.pendingAction()).isEqualTo(DeclarationAction.MODIFY);
        assertThatThrownBy(() -> d.applyDecision(1, DeclarationAction.SUBMIT, DeclarationStatus.ACCEPTED, null, Map.of(),
                null, CLOCK)).isInstanceOf(HnswException.class).hasMessageContaining("RECEIPT_STALE");
        d.applyDecision(2, DeclarationAction.MODIFY, DeclarationStatus.ACCEPTED, null, Map.of(0, "准予放行"), null, CLOCK);
        assertThat(d.status()).isEqualTo(DeclarationStatus.ACCEPTED);
        assertThat(d.content().items().get(0).releaseStatus()).isEqualTo("准予放行");
    }

    @Test
    void aReleasedDeclarationIsFinalAndTaxDueNeedsAnAmount() {
        BaggageDeclaration d = BaggageDeclaration.submit("traveler-1", "BD2", content(item(ArticleCategory.VALUABLES, "手表", "1", "8800")), CLOCK);
        assertThatThrownBy(() -> d.applyDecision(1, DeclarationAction.SUBMIT, DeclarationStatus.TAX_DUE, null, Map.of(),
                BigDecimal.ZERO, CLOCK)).hasMessageContaining("RECEIPT_NOT_APPLICABLE");
        d.applyDecision(1, DeclarationAction.SUBMIT, DeclarationStatus.TAX_DUE, null, Map.of(), new BigDecimal("1760.00"), CLOCK);
        d.taxPaid(CLOCK);
        d.applyDecision(1, DeclarationAction.SUBMIT, DeclarationStatus.RELEASED, null, Map.of(), null, CLOCK);
        assertThatThrownBy(() -> d.modify(content(), CLOCK)).hasMessageContaining("DECLARATION_NOT_EDITABLE");
        assertThatThrownBy(() -> d.requestDeletion("r", CLOCK)).hasMessageContaining("DECLARATION_NOT_EDITABLE");
    }

    @Test
    void anAcceptedDeletionDeletes() {
        BaggageDeclaration d = BaggageDeclaration.submit("traveler-1", "BD3", content(item(ArticleCategory.MEDICINE, "药", "1", "50")), CLOCK);
        d.requestDeletion("行程取消", CLOCK);
        d.applyDecision(2, DeclarationAction.DELETE, DeclarationStatus.ACCEPTED, null, Map.of(), null, CLOCK);
        assertThat(d.status()).isEqualTo(DeclarationStatus.DELETED);
    }

    @Test
    void theValidatorAppliesTheSettingsAsData() {
        ValidationSettings s = new ValidationSettings(java.util.Set.of("ticketNo", "item.unit", "deletionReason"),
                Map.of(ArticleCategory.TOBACCO_ALCOHOL, new BigDecimal("2")), List.of("象牙"), new BigDecimal("10000"),
                new BigDecimal("12000"), 3, Map.of("CNY", BigDecimal.ONE, "USD", new BigDecimal("7")));
        assertThat(DeclarationValidator.validate(content(item(ArticleCategory.FOOD, "椰子糖", "1", "30")), s, TODAY)).isEmpty();
        var tooMuch = DeclarationValidator.validate(content(
                item(ArticleCategory.TOBACCO_ALCOHOL, "白酒", "3", "600"),
                new BaggageItem(ArticleCategory.VALUABLES, "象牙雕件", BigDecimal.ONE, "", new BigDecimal("2000"), "USD", null)),
                s, TODAY);
        assertThat(tooMuch).extracting(v -> v.constraint())
                .contains("quantityLimit", "prohibited", "threshold", "totalThreshold", "required");
        var past = new DeclarationContent(SecondLinePort.XINHAI_PORT, TODAY.minusDays(1), TransportMode.WATERWAY, null,
                null, null, List.of());
        assertThat(DeclarationValidator.validate(past, s, TODAY)).extracting(v -> v.field())
                .contains("departureDate", "ticketNo", "items");
        assertThat(DeclarationValidator.validateDeletion(" ", s)).hasSize(1);
        assertThat(new ValidationSettings(java.util.Set.of("nonsense"), Map.of(), List.of(), null, null, 0, Map.of()).problems())
                .hasSize(3);
    }
}
