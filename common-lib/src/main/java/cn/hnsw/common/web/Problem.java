package cn.hnsw.common.web;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The RFC 7807 problem detail every service returns: the standard members plus a stable {@code code}, the message
 * in Chinese and English, the request id and, for validation, the failing fields. {@code detail} is in the language
 * the client asked for (Chinese unless it prefers English).
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
        Instant timestamp,
        List<FieldViolation> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://hnsw.gov.cn/problems/";

    public static Problem of(ErrorCode code, String messageZh, String messageEn, String instance, String requestId,
                             Locale locale, List<FieldViolation> errors) {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        return new Problem(
                URI.create(TYPE_BASE + code.code().toLowerCase(Locale.ROOT).replace('_', '-')),
                code.status().getReasonPhrase(),
                code.status().value(),
                english ? messageEn : messageZh,
                instance,
                code.code(),
                messageZh,
                messageEn,
                requestId,
                Instant.now(),
                errors == null ? List.of() : List.copyOf(errors));
    }

    public static Problem of(HnswException e, String instance, String requestId, Locale locale) {
        return of(e.errorCode(), e.messageZh(), e.messageEn(), instance, requestId, locale, e.violations());
    }

    public static Problem of(ErrorCode code, String instance, String requestId, Locale locale, Object... args) {
        return of(code, HnswException.format(code.messageZh(), args), HnswException.format(code.messageEn(), args),
                instance, requestId, locale, List.of());
    }
}
