package cn.hnsw.passenger.declaration;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A declaration as the API shows it, with the port's names and the dispatch state for officers. */
public record DeclarationView(UUID id, String declarationNo, UUID conversationId, DeclarationStatus status,
                              DeclarationAction pendingAction, int revision, SecondLinePort port, String portNameZh,
                              String portNameEn, LocalDate departureDate, TransportMode transportMode, String ticketNo,
                              String travelerName, String documentNo, List<BaggageItem> items, String decisionReason,
                              String deletionReason, BigDecimal taxDue, Instant createdAt, Instant updatedAt,
                              Integer dispatchAttempts, String dispatchError, Boolean dispatchBlocked) {

    static DeclarationView of(BaggageDeclaration d, DeclarationRepository.DispatchState dispatch) {
        DeclarationContent c = d.content();
        return new DeclarationView(d.id(), d.declarationNo(), d.conversationId(), d.status(), d.pendingAction(),
                d.revision(), c.port(), c.port().nameZh(), c.port().nameEn(), c.departureDate(), c.transportMode(),
                c.ticketNo(), c.travelerName(), c.documentNo(), c.items(), d.decisionReason(), d.deletionReason(),
                d.taxDue(), d.createdAt(), d.updatedAt(), dispatch == null ? null : dispatch.attempts(),
                dispatch == null ? null : dispatch.error(), dispatch == null ? null : dispatch.blocked());
    }
}
