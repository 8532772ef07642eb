package cn.hnsw.customs;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * customs-service on the real infrastructure with real key stores, talking sealed to {@link WirePartner}; every
 * integration test of the declaration system that needs a partner it can make fail extends this, so they share one
 * Spring context.
 */
public abstract class CustomsIntegrationTestBase extends CustomsApiSupport {

    protected static final WirePartner PARTNER = new WirePartner();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        keysAndPartners(registry);
        registry.add("hnsw.partners.endpoints.single-window-standard", () -> PARTNER.url("/sw"));
        registry.add("hnsw.partners.endpoints.manifest-system", () -> PARTNER.url("/manifest"));
    }

    /** {@link CustomsTestKeys}' stores, the sub-centre and the test timings. */
    public static void keysAndPartners(DynamicPropertyRegistry registry) {
        registry.add("hnsw.crypto.key-store", () -> CustomsTestKeys.dir().resolve("platform.p12").toString());
        registry.add("hnsw.crypto.key-store-password", () -> CustomsTestKeys.PASSWORD);
        registry.add("hnsw.crypto.trust-store", () -> CustomsTestKeys.dir().resolve("trust.p12").toString());
        registry.add("hnsw.crypto.trust-store-password", () -> CustomsTestKeys.PASSWORD);
        registry.add("hnsw.crypto.platform-key-id", () -> CustomsTestKeys.PLATFORM);
        subCentreAndTimings(registry);
    }
}
