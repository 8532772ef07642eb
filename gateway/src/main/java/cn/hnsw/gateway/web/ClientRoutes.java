package cn.hnsw.gateway.web;

import java.util.List;

/**
 * Which paths belong to the web app's own router (and so get {@code index.html}) and which belong to the platform:
 * a mistyped API path must answer 404, not a page of HTML that a client would try to parse as JSON.
 */
final class ClientRoutes {

    /** First path segments the gateway itself or the services answer. */
    private static final List<String> PLATFORM_SEGMENTS = List.of(
            "api", "api-docs", "actuator", "v3", "swagger-ui", "swagger-ui.html", "webjars");

    private ClientRoutes() {
    }

    /** {@code path} without its leading slash, as resource handlers see it. */
    static boolean isClientRoute(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        int slash = trimmed.indexOf('/');
        String first = slash < 0 ? trimmed : trimmed.substring(0, slash);
        if (PLATFORM_SEGMENTS.contains(first)) {
            return false;
        }
        // a file name with an extension is a request for a file: a missing script must be a 404, not index.html
        String last = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        return !last.contains(".");
    }
}
