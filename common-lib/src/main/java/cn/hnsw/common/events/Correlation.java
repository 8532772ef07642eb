package cn.hnsw.common.events;

import org.slf4j.MDC;

/**
 * The request id and trace id an event carries, so that a consumer's logs can be joined to the request that caused it.
 *
 * @param requestId the request id, or null
 * @param traceId   the trace id, or null
 */
public record Correlation(String requestId, String traceId) {

    /** The MDC keys the platform's request filter and Micrometer Tracing fill in. */
    public static final String REQUEST_ID_MDC_KEY = "requestId";
    public static final String TRACE_ID_MDC_KEY = "traceId";

    public static final Correlation NONE = new Correlation(null, null);

    /** What the current thread is logging under; events written while handling a request carry its ids. */
    public static Correlation fromMdc() {
        return new Correlation(MDC.get(REQUEST_ID_MDC_KEY), MDC.get(TRACE_ID_MDC_KEY));
    }
}
