package cn.hnsw.ledger.document;

import cn.hnsw.common.web.HnswException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lifecycle of spec §3.1/§3.2 on the entity, without Spring. */
class DocumentStatusTest {

    private static DeclarableDocument document(String type, DocumentStatus status) {
        return new DeclarableDocument(1L, "HNZT1", DocumentTypes.get(type), "91460000MA5T8XQ21K", null, 1L, null,
                status, 0, 0, null, Map.of(), null, null, "u", null, Instant.EPOCH, null, null);
    }

    @Test
    void draftDeclaresThenReceiptsDecide() {
        DeclarableDocument d = document(DocumentTypes.LOGISTICS_ENTRY_GENERAL, DocumentStatus.DRAFT);
        d.declare(Instant.now());
        assertThatThrownBy(d::checkEditable).isInstanceOf(HnswException.class).hasMessageContaining("DOCUMENT_NOT_EDITABLE");
        d.receiptReceived();
        assertThat(d.approve(Instant.now())).isTrue();
        assertThat(d.status()).isEqualTo(DocumentStatus.APPROVED);
        assertThatThrownBy(d::voidIt).hasMessageContaining("ILLEGAL_TRANSITION");
        assertThatThrownBy(d::startChange).hasMessageContaining("ILLEGAL_TRANSITION");
    }

    @Test
    void filingsChangeAfterApprovalWithoutBookingAgain() {
        DeclarableDocument d = document(DocumentTypes.MATERIAL_FILING, DocumentStatus.APPROVED);
        d.startChange();
        assertThat(d.status()).isEqualTo(DocumentStatus.CHANGE_DRAFT);
        d.checkEditable();
        d.declare(Instant.now());
        assertThat(d.approve(Instant.now())).isTrue();
        d.startChange();
        d.declare(Instant.now());
        assertThat(d.approve(Instant.now())).as("an earlier approval is remembered").isFalse();
    }

    @Test
    void returnedDocumentsCanBeEditedAndVoided() {
        DeclarableDocument d = document(DocumentTypes.LOGISTICS_EXIT_GENERAL, DocumentStatus.DECLARED);
        d.returned("数量与实货不符");
        d.checkEditable();
        assertThat(d.returnReason()).isEqualTo("数量与实货不符");
        d.voidIt();
        assertThatThrownBy(() -> d.declare(Instant.now())).hasMessageContaining("ILLEGAL_TRANSITION");
    }

    @Test
    void onlyReleaseNotesCarryAVehicle() {
        assertThatThrownBy(() -> document(DocumentTypes.LOGISTICS_EXIT_GENERAL, DocumentStatus.DRAFT).changeVehicle(Map.of()))
                .hasMessageContaining("VEHICLE_CHANGE_NOT_ALLOWED");
        DeclarableDocument note = document(DocumentTypes.LOGISTICS_RELEASE_NOTE_BATCH, DocumentStatus.APPROVED);
        note.changeVehicle(Map.of("plateNo", "琼A12345"));
        assertThat(note.vehicle()).containsEntry("plateNo", "琼A12345");
    }

    @Test
    void typesThatMoveStockCannotBeDefinedAsChangeable() {
        assertThatThrownBy(() -> new DocumentType("X", "X", "x", "x", LedgerType.LOGISTICS, true, java.util.List.of(),
                StockEffect.DECREASE, ApprovalAction.NONE, false, false, true, false, null, java.util.List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(DocumentTypes.all()).allSatisfy(t -> assertThat(t.movesStock() && t.changeAfterApproval()).isFalse());
    }
}
