package cn.hnsw.video;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** 视频分析 — cameras, face library and search, watch-lists, behaviour detection. */
@SpringBootApplication
@EnableScheduling
public class VideoAnalyticsServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(VideoAnalyticsServiceApplication.class, args);
    }
}
