package cn.hnsw.portsituation.basedata;

import cn.hnsw.common.web.ErrorCode;
import cn.hnsw.common.web.HnswException;

import java.util.Locale;
import java.util.regex.Pattern;

/** Checks shared by the base-data forms and imports; each refusal says why in English and Chinese. */
final class Checks {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{1,39}");

    private Checks() {
    }

    static String code(String code, ErrorCode invalid) {
        String c = code == null ? "" : code.strip();
        if (!CODE.matcher(c).matches()) {
            throw new HnswException(invalid,
                    "code: 2–40 capital letters, digits, '_' or '-' / 编号为 2–40 位大写字母、数字、下划线或连字符");
        }
        return c;
    }

    static String nameZh(String name, ErrorCode invalid) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 100) {
            throw new HnswException(invalid, "name: 1–100 characters / 名称 1–100 个字符");
        }
        return n;
    }

    static String optional(String text, int max, String what, ErrorCode invalid) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.length() > max) {
            throw new HnswException(invalid, what + ": at most " + max + " characters / 至多 " + max + " 个字符");
        }
        return t;
    }

    static String required(String text, int max, String what, ErrorCode invalid) {
        String t = optional(text, max, what, invalid);
        if (t == null) {
            throw new HnswException(invalid, what + " is required / " + what + " 必填");
        }
        return t;
    }

    /** A position on or around Hainan (WGS-84), as the ports' base data uses. */
    static void position(Double latitude, Double longitude, ErrorCode invalid) {
        if (latitude == null || longitude == null || !(latitude >= 3 && latitude <= 25)
                || !(longitude >= 105 && longitude <= 120)) {
            throw new HnswException(invalid,
                    "position: latitude 3–25, longitude 105–120 (WGS-84) / 坐标超出海南管辖范围");
        }
    }

    static <E extends Enum<E>> E oneOf(Class<E> type, String value, String what, ErrorCode invalid) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new HnswException(invalid, what + ": one of " + java.util.Arrays.toString(type.getEnumConstants())
                    + " / " + what + " 取值无效");
        }
    }
}
