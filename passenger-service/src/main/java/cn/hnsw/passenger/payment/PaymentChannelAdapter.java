package cn.hnsw.passenger.payment;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The payment-channel SPI: one adapter per channel (Alipay, Tenpay, the banks, the reserved slots). An adapter
 * speaks its channel's dialect; the messages themselves travel sealed through the partner transport, and the channel's
 * notifications arrive sealed and signed by the channel's key at the notification endpoint.
 */
public interface PaymentChannelAdapter {

    PaymentChannel channel();

    /** The partner system behind the channel (its key signs the notifications). */
    String partnerId();

    /** Places an order with the channel; the result arrives later as a notification. */
    ChannelOrder createOrder(String orderNo, BigDecimal amount, String subject, Instant expiresAt);

    /** 三方协议回执 to the bank (or wallet) of the channel. */
    boolean sendAgreementReceipt(String agreementId, String taxNo, Instant signedAt);

    /** Reads a verified notification in the channel's dialect. */
    PaymentNotification readNotification(byte[] payload);

    record ChannelOrder(String channelTradeNo, String payUrl) {
    }

    /** A channel's payment result, whatever its dialect. {@code success} false means the payment failed or closed. */
    record PaymentNotification(String notificationId, String orderNo, String channelTradeNo, BigDecimal amount,
                               boolean success) {
    }
}
