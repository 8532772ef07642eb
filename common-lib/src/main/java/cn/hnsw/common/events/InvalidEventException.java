package cn.hnsw.common.events;

/**
 * A message that is not a valid event envelope. Redelivering it will not help, so a listener's error handler should
 * send it to a dead-letter topic rather than retry it.
 */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
