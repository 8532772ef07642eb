package cn.hnsw.common.crypto;

/**
 * The in-memory replay guard holds as many unexpired message ids as it may. Forgetting one early would let a replay
 * through, so the guard refuses to admit more until some expire: an overload (retry later), not a bad message.
 */
public class ReplayGuardFullException extends IllegalStateException {

    public ReplayGuardFullException(String message) {
        super(message);
    }
}
