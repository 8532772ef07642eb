package cn.hnsw.customs.exchange;

import java.util.UUID;

/**
 * Applies the partner's sealed reply (the technical receipt) to a queued message about something other than a
 * declaration: a consolidated list, an arrival report. Implemented by the feature that owns the subject; runs in the
 * dispatcher's transaction.
 */
public interface SubjectReplies {

    boolean handles(String messageType);

    void technical(UUID subjectId, UUID conversationId, String senderKeyId, String sentMessageId, byte[] replyPayload);

    /** The message failed for good (after its retries): the subject shows it. */
    void failed(UUID subjectId, String error);
}
