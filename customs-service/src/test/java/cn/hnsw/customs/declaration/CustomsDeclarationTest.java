package cn.hnsw.customs.declaration;

import cn.hnsw.common.web.HnswException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The declaration's states and the remark auto-fill, without Spring. */
class CustomsDeclarationTest {

    static DeclarationHeader withAttributes(String remark, String attributes) {
        return new DeclarationHeader(null, null, null, null, null, false, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, remark, attributes, null);
    }

    static CustomsDeclaration draft(DeclarationType type) {
        return CustomsDeclaration.draft("640020261000000001", type, null, "91460100MA5T00001L", "企业",
                withAttributes("客户自备", "19"), List.of(), null, Instant.now());
    }

    @Test
    void directReleaseRemarkIsFilledOnceAndResetWhenTooLong() {
        DeclarationHeader filled = RemarkAutoFill.apply(DeclarationType.DIRECT_RELEASE, withAttributes("客户自备", "19,HN01"));
        assertThat(filled.remark()).isEqualTo("一线径予放行；放宽贸易管制货物；客户自备");
        assertThat(RemarkAutoFill.apply(DeclarationType.DIRECT_RELEASE, filled).remark()).isEqualTo(filled.remark());
        assertThat(RemarkAutoFill.apply(DeclarationType.DIRECT_RELEASE, withAttributes("x".repeat(495), null)).remark())
                .isEqualTo("一线径予放行");
        assertThat(RemarkAutoFill.apply(DeclarationType.SECOND_LINE_GENERAL, withAttributes("客户自备", null)).remark())
                .isEqualTo("客户自备");
    }

    @Test
    void lifecycleMovesOnlyWhereAllowed() {
        CustomsDeclaration d = draft(DeclarationType.DIRECT_RELEASE);
        assertThatThrownBy(() -> d.withdraw(Instant.now())).isInstanceOf(HnswException.class);
        d.submit(UUID.randomUUID(), Instant.now());
        assertThatThrownBy(() -> d.edit(d.header(), d.items(), Instant.now())).isInstanceOf(HnswException.class);
        assertThat(d.applyTechnicalReceipt(true, Instant.now())).isTrue();
        assertThat(d.applyBusinessReceipt(DeclarationStatus.RELEASED, "640020261000000009", Instant.now())).isTrue();
        // An older "accepted" after the release changes nothing.
        assertThat(d.applyBusinessReceipt(DeclarationStatus.ACCEPTED, "X", Instant.now())).isFalse();
        assertThat(d.status()).isEqualTo(DeclarationStatus.RELEASED);
        assertThat(d.customsNo()).isEqualTo("640020261000000009");
        assertThat(d.distributable()).isTrue();
        assertThatThrownBy(() -> d.delete(Instant.now())).isInstanceOf(HnswException.class);
    }

    @Test
    void aLateTechnicalReceiptNeverUndoesTheBusinessDecision() {
        CustomsDeclaration d = draft(DeclarationType.DIRECT_RELEASE);
        d.submit(UUID.randomUUID(), Instant.now());
        d.applyBusinessReceipt(DeclarationStatus.ACCEPTED, null, Instant.now());
        assertThat(d.applyTechnicalReceipt(false, Instant.now())).isFalse();
        assertThat(d.status()).isEqualTo(DeclarationStatus.ACCEPTED);
    }

    @Test
    void onlyAcceptedOrReleasedIsDistributed() {
        CustomsDeclaration d = draft(DeclarationType.DIRECT_RELEASE);
        assertThatThrownBy(() -> d.distributionQueued(Instant.now())).isInstanceOf(HnswException.class);
        d.submit(UUID.randomUUID(), Instant.now());
        d.applyBusinessReceipt(DeclarationStatus.RETURNED, null, Instant.now());
        assertThat(d.distributable()).isFalse();
    }

    @Test
    void aCopyIsANewDraftWithANewNumber() {
        CustomsDeclaration d = draft(DeclarationType.SECOND_LINE_DOMESTIC_SALE);
        d.submit(UUID.randomUUID(), Instant.now());
        CustomsDeclaration copy = d.copy("640020261000000002", Instant.now());
        assertThat(copy.status()).isEqualTo(DeclarationStatus.DRAFT);
        assertThat(copy.preEntryNo()).isNotEqualTo(d.preEntryNo());
        assertThat(copy.copiedFrom()).isEqualTo(d.id());
    }
}
