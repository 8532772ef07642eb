package cn.hnsw.common.sealing;

import cn.hnsw.common.crypto.CipherDevice;
import cn.hnsw.common.crypto.InMemoryKeyDirectory;
import cn.hnsw.common.crypto.KeyDirectory;
import cn.hnsw.common.crypto.MessageSealer;
import cn.hnsw.common.crypto.Pkcs12CipherDevice;
import cn.hnsw.common.crypto.ReplayGuard;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Message sealing for a service that talks to partners: the cipher device (a PKCS#12 key store in software, until a
 * hardware device takes its place behind the same interface), the directory of partners' certificates, the database
 * replay guard and the {@link MessageSealer}. Active when {@code hnsw.crypto.key-store} is set.
 */
@AutoConfiguration(after = JdbcTemplateAutoConfiguration.class)
@ConditionalOnProperty("hnsw.crypto.key-store")
@EnableConfigurationProperties(SealingAutoConfiguration.CryptoProperties.class)
public class SealingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CipherDevice cipherDevice(CryptoProperties properties) {
        return Pkcs12CipherDevice.load(properties.keyStore(), properties.keyStorePassword().toCharArray());
    }

    @Bean
    @ConditionalOnMissingBean
    KeyDirectory keyDirectory(CryptoProperties properties) {
        return InMemoryKeyDirectory.fromTrustStore(properties.trustStore(), properties.trustStorePassword().toCharArray());
    }

    @Bean
    @ConditionalOnMissingBean
    ReplayGuard replayGuard(JdbcTemplate jdbc) {
        return new JdbcReplayGuard(jdbc, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    MessageSealer messageSealer(CipherDevice device, KeyDirectory directory, ReplayGuard replayGuard,
                                CryptoProperties properties) {
        return new MessageSealer(device, directory, replayGuard, Clock.systemUTC(), properties.maxClockSkew());
    }

    /**
     * {@code hnsw.crypto.*}: the platform's private key store and its password, the trust store of partners'
     * certificates and its password, the platform's own key id, and the allowed clock skew (default 5 minutes).
     */
    @ConfigurationProperties("hnsw.crypto")
    public record CryptoProperties(Path keyStore, String keyStorePassword, Path trustStore, String trustStorePassword,
                                   String platformKeyId, Duration maxClockSkew) {
        public CryptoProperties {
            if (maxClockSkew == null) {
                maxClockSkew = MessageSealer.DEFAULT_MAX_CLOCK_SKEW;
            }
        }
    }
}
