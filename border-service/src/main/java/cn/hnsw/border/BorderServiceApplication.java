package cn.hnsw.border;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** 边检 — personnel and vehicle channel data. */
@SpringBootApplication
public class BorderServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(BorderServiceApplication.class, args);
    }
}
