package cn.hnsw.maritime;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** 海事 — ship behaviour and work-safety detection, alert handling. */
@SpringBootApplication
public class MaritimeServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MaritimeServiceApplication.class, args);
    }
}
