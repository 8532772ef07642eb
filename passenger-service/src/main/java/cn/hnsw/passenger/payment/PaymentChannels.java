package cn.hnsw.passenger.payment;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.passenger.partner.PartnerMessageLog;
import cn.hnsw.passenger.partner.PartnerTransport;
import cn.hnsw.passenger.tax.TaxErrorCode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** The enabled payment channels, each with the adapter of its dialect, built from {@link PaymentSettings}. */
@Component
@EnableConfigurationProperties(PaymentSettings.class)
public class PaymentChannels {

    private final Map<PaymentChannel, PaymentChannelAdapter> adapters = new EnumMap<>(PaymentChannel.class);

    public PaymentChannels(PaymentSettings settings, PartnerTransport transport, PartnerMessageLog log,
                           ObjectMapper json) {
        settings.channels().forEach((channel, c) -> {
            if (c.enabled()) {
                if (c.partnerId() == null || c.partnerId().isBlank() || c.dialect() == null) {
                    throw new IllegalStateException("payment channel " + channel + " needs partner-id and dialect");
                }
                adapters.put(channel, switch (c.dialect()) {
                    case ALIPAY -> new AlipayAdapter(channel, c.partnerId(), transport, log, json);
                    case TENPAY -> new TenpayAdapter(channel, c.partnerId(), transport, log, json);
                    case BANK -> new BankAdapter(channel, c.partnerId(), transport, log, json);
                });
            }
        });
    }

    public List<PaymentChannel> enabled() {
        return List.copyOf(adapters.keySet());
    }

    public Optional<PaymentChannelAdapter> find(PaymentChannel channel) {
        return Optional.ofNullable(adapters.get(channel));
    }

    public PaymentChannelAdapter require(PaymentChannel channel) {
        return find(channel).orElseThrow(() -> new HnswException(TaxErrorCode.CHANNEL_DISABLED, channel));
    }
}
