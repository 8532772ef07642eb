package cn.hnsw.ledger;

import cn.hnsw.testsupport.spring.ServiceSmokeIT;
import org.springframework.test.context.TestPropertySource;

/** The service starts on the real infrastructure, migrates, answers health and guards its API. */
// the contexts of one test JVM share one database: only the tests send warning notices (they call dispatch)
@TestPropertySource(properties = "hnsw.ledger.notifications.scheduled-dispatch=false")
class LedgerServiceIT extends ServiceSmokeIT {
}
