package cn.hnsw.gateway.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

import java.util.List;
import java.util.Locale;

/** Chinese is the platform's first language: a client gets English only when its Accept-Language prefers it. */
public final class ClientLanguage {

    private ClientLanguage() {
    }

    public static boolean prefersEnglish(ServerHttpRequest request) {
        String header = request.getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE);
        if (header == null || header.isBlank()) {
            return false;
        }
        try {
            // parse() orders the ranges by weight, highest first, keeping the client's order among equals
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
            return !ranges.isEmpty() && ranges.get(0).getWeight() > 0
                    && "en".equals(ranges.get(0).getRange().split("-", 2)[0].toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException malformed) {
            // a garbled header is no reason to refuse the request, only to answer in the default language
            return false;
        }
    }
}
