package cn.hnsw.simulators;

import cn.hnsw.simulators.partner.PartnerProperties;
import cn.hnsw.simulators.sealed.SealingProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** 合作方模拟器 — simulators of partner systems (customs, banks, gates, ticketing, AIS, cameras); never on the production path. */
@SpringBootApplication
@EnableConfigurationProperties({PartnerProperties.class, SealingProperties.class})
public class SimulatorsApplication {

    public static void main(String[] args) {
        SpringApplication.run(SimulatorsApplication.class, args);
    }
}
