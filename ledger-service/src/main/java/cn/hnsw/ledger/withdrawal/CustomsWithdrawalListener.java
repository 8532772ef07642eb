package cn.hnsw.ledger.withdrawal;

import cn.hnsw.common.events.EventTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Rolls back the ledger posting of a customs declaration that customs withdrew or deleted, once per event. */
@Component
class CustomsWithdrawalListener {

    static final String TOPIC = EventTopics.PREFIX + ".customs.declaration-withdrawn";

    private final WithdrawalService withdrawals;

    CustomsWithdrawalListener(WithdrawalService withdrawals) {
        this.withdrawals = withdrawals;
    }

    /** One group for all instances of the service; a test context with a database of its own takes a group of its own. */
    @KafkaListener(topics = TOPIC, groupId = "${hnsw.ledger.withdrawal.consumer-group:ledger-customs-withdrawal}")
    void onWithdrawn(ConsumerRecord<String, String> record) {
        withdrawals.apply(record);
    }
}
