package cn.hnsw.passenger.declaration;

import java.time.LocalDate;
import java.util.List;

/** What a traveler declares: the trip and the articles (the editable part of a {@link BaggageDeclaration}). */
public record DeclarationContent(SecondLinePort port, LocalDate departureDate, TransportMode transportMode,
                                 String ticketNo, String travelerName, String documentNo, List<BaggageItem> items) {

    public DeclarationContent {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
