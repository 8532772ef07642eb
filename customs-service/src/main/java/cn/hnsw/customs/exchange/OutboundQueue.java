package cn.hnsw.customs.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Instant;
import java.util.UUID;

/**
 * Puts a message for a partner in the queue inside the caller's transaction (so a declaration is never "submitted"
 * without its message, nor a message sent for a rolled-back submission) and wakes the dispatcher after the commit.
 */
@Component
public class OutboundQueue {

    private final OutboundMessageRepository repository;
    private final OutboundSignal signal;
    private final ObjectMapper json;

    public OutboundQueue(OutboundMessageRepository repository, OutboundSignal signal, ObjectMapper json) {
        this.repository = repository;
        this.signal = signal;
        this.json = json;
    }

    public UUID enqueue(UUID conversationId, UUID declarationId, String enterprise, String partner, String messageType,
                        Object body, Instant now) {
        return enqueue(conversationId, declarationId, null, enterprise, partner, messageType, body, now);
    }

    /** A message about a subject of another feature (consolidated list, arrival report); its reply goes to a {@link SubjectReplies}. */
    public UUID enqueueForSubject(UUID conversationId, UUID subjectId, String enterprise, String partner,
                                  String messageType, Object body, Instant now) {
        return enqueue(conversationId, null, subjectId, enterprise, partner, messageType, body, now);
    }

    private UUID enqueue(UUID conversationId, UUID declarationId, UUID subjectId, String enterprise, String partner,
                         String messageType, Object body, Instant now) {
        UUID id = UUID.randomUUID();
        byte[] payload;
        try {
            payload = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("message body not serialisable", e);
        }
        repository.insert(id, conversationId, declarationId, subjectId, enterprise, partner, messageType, payload, now);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    signal.wake();
                }
            });
        } else {
            signal.wake();
        }
        return id;
    }
}
