package cn.hnsw.passenger;

import cn.hnsw.testsupport.spring.ServiceSmokeIT;

/** The service starts on the real infrastructure, migrates, answers health and guards its API. */
class PassengerServiceIT extends ServiceSmokeIT {
}
