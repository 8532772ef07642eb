package cn.hnsw.customs;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** 海关应用 — identity binding, clearance declarations, deposits, inspection booking, zero-tariff drugs. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CustomsServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CustomsServiceApplication.class, args);
    }
}
