package cn.hnsw.passenger.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link PassengerApiIT} with the test playing customs, banks and wallets ({@link PartnerDouble}). */
public abstract class PassengerITBase extends PassengerApiIT {

    @DynamicPropertySource
    static void partners(DynamicPropertyRegistry registry) {
        registry.add("hnsw.partners.endpoint", () -> PARTNERS.endpointBase() + "/{partnerId}/messages");
        registry.add("hnsw.passenger.dispatch.interval", () -> "500ms");
    }
}
