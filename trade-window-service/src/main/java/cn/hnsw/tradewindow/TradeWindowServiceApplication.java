package cn.hnsw.tradewindow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** 单一窗口应用 — VA pilot approval, low-altitude flights, repair re-entry, declaration conversion, trade zone. */
@SpringBootApplication
@EnableScheduling
public class TradeWindowServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(TradeWindowServiceApplication.class, args);
    }
}
