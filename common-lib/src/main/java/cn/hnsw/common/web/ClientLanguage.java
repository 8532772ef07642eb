package cn.hnsw.common.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.util.unit.DataSize;

import java.util.Locale;

/** Chinese is the platform's first language: a client gets English only when its Accept-Language prefers it. */
public final class ClientLanguage {

    private ClientLanguage() {
    }

    public static Locale of(HttpServletRequest request) {
        if (request == null || request.getHeader("Accept-Language") == null) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        return request.getLocale();
    }

    /** A size as people write it: 4KB, 20MB. */
    public static String size(DataSize size) {
        long bytes = size.toBytes();
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return size.toMegabytes() + "MB";
        }
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
            return size.toKilobytes() + "KB";
        }
        return bytes + "B";
    }
}
