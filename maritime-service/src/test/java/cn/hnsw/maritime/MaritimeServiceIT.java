package cn.hnsw.maritime;

import cn.hnsw.testsupport.spring.ServiceSmokeIT;

/** The service starts on the real infrastructure, migrates, answers health and guards its API. */
class MaritimeServiceIT extends ServiceSmokeIT {
}
