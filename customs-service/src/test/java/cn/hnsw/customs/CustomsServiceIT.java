package cn.hnsw.customs;

import cn.hnsw.testsupport.spring.ServiceSmokeIT;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service starts on the real infrastructure, migrates, answers health and guards its API. */
class CustomsServiceIT extends ServiceSmokeIT {

    /** The declaration system seals every partner message, so the service starts with its key stores. */
    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        CustomsIntegrationTestBase.keysAndPartners(registry);
    }
}
