package cn.hnsw.portsituation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** 口岸态势 — one map, monitoring and warning, airport freight, gates, AIS. */
@SpringBootApplication
public class PortSituationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PortSituationServiceApplication.class, args);
    }
}
