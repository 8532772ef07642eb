package cn.hnsw.simulators;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** 合作方模拟器 — simulators of partner systems (customs, banks, gates, ticketing, AIS, cameras); never on the production path. */
@SpringBootApplication
public class SimulatorsApplication {

    public static void main(String[] args) {
        SpringApplication.run(SimulatorsApplication.class, args);
    }
}
