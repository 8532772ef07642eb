package cn.hnsw.common.storage;

import io.minio.MinioClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Object storage for a service when {@code hnsw.s3.endpoint} is set. */
@AutoConfiguration
@ConditionalOnProperty("hnsw.s3.endpoint")
@EnableConfigurationProperties(StorageAutoConfiguration.S3Properties.class)
public class StorageAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MinioClient minioClient(S3Properties s3) {
        return MinioClient.builder().endpoint(s3.endpoint()).credentials(s3.accessKey(), s3.secretKey())
                .region(s3.region() == null ? "us-east-1" : s3.region()).build();
    }

    @Bean
    @ConditionalOnMissingBean
    ObjectStorage objectStorage(MinioClient client) {
        return new ObjectStorage(client);
    }

    /** {@code hnsw.s3.*}: endpoint, access key, secret key and region of the S3-compatible store. */
    @ConfigurationProperties("hnsw.s3")
    public record S3Properties(String endpoint, String accessKey, String secretKey, String region) {
    }
}
