package cn.hnsw.tradewindow;

import cn.hnsw.testsupport.spring.ServiceSmokeIT;
import cn.hnsw.tradewindow.support.TestPartners;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service starts on the real infrastructure, migrates, answers health and guards its API. */
class TradeWindowServiceIT extends ServiceSmokeIT {

    @DynamicPropertySource
    static void partners(DynamicPropertyRegistry r) {
        TestPartners.register(r);
        // notices are sent by the pilot tests' context only (see RepairPreferenceIT)
        r.add("tradewindow.notices.initial-delay", () -> "PT24H");
    }
}
