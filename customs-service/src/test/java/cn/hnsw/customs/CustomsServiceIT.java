package cn.hnsw.customs;

import cn.hnsw.testsupport.spring.ServiceSmokeIT;

/** The service starts on the real infrastructure, migrates, answers health and guards its API. */
class CustomsServiceIT extends ServiceSmokeIT {
}
