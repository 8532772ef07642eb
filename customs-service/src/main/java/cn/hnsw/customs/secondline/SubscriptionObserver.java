package cn.hnsw.customs.secondline;

/** Told of each subscribed record stored for a subscription, in the transaction that stores it. */
public interface SubscriptionObserver {

    void delivered(SubscriptionService.DataPushed pushed);
}
