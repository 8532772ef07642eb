package cn.hnsw.common.crypto;

import java.time.Instant;

/**
 * 防重放 — remembers which message ids each sender has used, so that each is accepted once.
 *
 * <p>{@link MessageSealer} asks only after the signature verified, so only a genuine sender can fill it, and it passes
 * {@code expiresAt} = message time + allowed skew: once the clock is past it the time-window check refuses the
 * message anyway, so the entry may be forgotten then (not before: at {@code expiresAt} itself the message is
 * still inside the window). Implementations must be thread-safe and atomic per (sender, message id); one shared
 * by several instances of a service (e.g. a database table with a unique key) is needed when they share partners.
 */
@FunctionalInterface
public interface ReplayGuard {

    /**
     * Records the message id and says whether it is new.
     *
     * @return true the first time this (sender, message id) is seen before {@code expiresAt}; false for a replay
     */
    boolean firstSeen(String senderKeyId, String messageId, Instant expiresAt);
}
