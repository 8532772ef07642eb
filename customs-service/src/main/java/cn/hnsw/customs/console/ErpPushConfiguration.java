package cn.hnsw.customs.console;

import cn.hnsw.common.crypto.CipherDevice;
import cn.hnsw.common.partner.SignedWebhook;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/** The signer of receipt pushes to enterprise ERPs: the platform key that seals every partner message. */
@Configuration(proxyBeanMethods = false)
class ErpPushConfiguration {

    @Bean
    SignedWebhook erpReceiptWebhook(CipherDevice device, @Value("${hnsw.crypto.platform-key-id:hnsw-platform}") String keyId,
                                    @Value("${hnsw.customs.erp-push.timeout:PT10S}") Duration timeout) {
        return new SignedWebhook(device, keyId, Clock.systemUTC(), timeout);
    }
}
