package cn.hnsw.gateway.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.net.URI;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.Locale;

/**
 * The RFC 7807 problem detail in the shape every service returns (common-lib's {@code Problem}): standard members
 * plus a stable {@code code}, the message in Chinese and English and the request id. {@code detail} is in the language
 * the client prefers.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        URI type,
        String title,
        int status,
        String detail,
        String instance,
        String code,
        String messageZh,
        String messageEn,
        String requestId,
        Instant timestamp) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://hnsw.gov.cn/problems/";

    public static Problem of(GatewayErrorCode code, String instance, String requestId, boolean english, Object... args) {
        String zh = format(code.messageZh(), args);
        String en = format(code.messageEn(), args);
        return new Problem(
                URI.create(TYPE_BASE + code.name().toLowerCase(Locale.ROOT).replace('_', '-')),
                code.status().getReasonPhrase(),
                code.status().value(),
                english ? en : zh,
                instance,
                code.name(),
                zh,
                en,
                requestId,
                Instant.now());
    }

    /** The same placeholder rules as common-lib: {@code {0}} filled, apostrophes left alone. */
    private static String format(String pattern, Object... args) {
        if (args == null || args.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern.replace("'", "''"), Locale.ROOT).format(args);
    }
}
