package cn.hnsw.simulators.passenger;

import java.net.URI;
import java.time.Duration;

/**
 * The passenger simulators' knobs, changed at run time through the settings API: how long customs takes to decide
 * (0 for measurements), how often it requires an inspection, how long a channel takes to pay, and where the
 * platform's receipt inbox and payment-notification endpoint are.
 */
public record PassengerSimulatorSettings(Duration decisionDelay, double inspectionRate, Duration paymentDelay,
                                         URI receiptUrl, URI notificationBaseUrl) {

    public PassengerSimulatorSettings {
        decisionDelay = decisionDelay == null ? Duration.ofSeconds(2) : decisionDelay;
        paymentDelay = paymentDelay == null ? Duration.ofSeconds(1) : paymentDelay;
        receiptUrl = receiptUrl == null ? URI.create("http://localhost:8081/api/passenger/v1/customs/receipts") : receiptUrl;
        notificationBaseUrl = notificationBaseUrl == null
                ? URI.create("http://localhost:8081/api/passenger/v1/payment-notifications") : notificationBaseUrl;
    }

    /** What is wrong with these settings, or null. */
    public String problem() {
        if (decisionDelay.isNegative() || decisionDelay.compareTo(Duration.ofMinutes(10)) > 0) {
            return "decisionDelay must be between 0 and 10 minutes";
        }
        if (paymentDelay.isNegative() || paymentDelay.compareTo(Duration.ofMinutes(10)) > 0) {
            return "paymentDelay must be between 0 and 10 minutes";
        }
        if (inspectionRate < 0 || inspectionRate > 1) {
            return "inspectionRate must be between 0 and 1";
        }
        return null;
    }
}
