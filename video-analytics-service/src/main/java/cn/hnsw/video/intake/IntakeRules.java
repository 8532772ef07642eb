package cn.hnsw.video.intake;

import cn.hnsw.common.web.HnswException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.imageio.ImageIO;

/**
 * 人脸数据转换与清洗 — the rules applied to every face record the platform collects, as data. A record arrives as a map
 * in its sender's field names; the conversion rules (in their order) build the standard record — {@code recordId},
 * {@code deviceCode}, {@code capturedAt} (ISO-8601 instant), {@code photoBase64} (JPEG) — and the cleansing rules then
 * accept or reject it with the rule's name as the reason. A record already in the standard shape needs no conversion
 * rule (通过标准化接口). Device code and capture time must never be empty (FP 944–945): those two checks are built in
 * and come after the configured conversions.
 */
public final class IntakeRules {

    /** The standard fields of a face record. */
    public static final Set<String> FIELDS = Set.of("recordId", "deviceCode", "capturedAt", "photoBase64");

    /** 转换: field rename, time format, epoch milliseconds, code prefix, trim and upper case, picture to JPEG. */
    public static final Set<String> CONVERSIONS = Set.of("RENAME", "TIME_FORMAT", "EPOCH_MILLIS", "PREFIX", "UPPER_TRIM",
            "IMAGE_JPEG");
    /** 清洗: not empty, pattern, not in the future, not older than, registered device, picture size. */
    public static final Set<String> CLEANSINGS = Set.of("NOT_EMPTY", "PATTERN", "NOT_FUTURE", "MAX_AGE_HOURS",
            "KNOWN_DEVICE", "MIN_IMAGE_SIDE");

    /** One rule: stage CONVERT or CLEANSE, what it does to which standard field, with its parameter. */
    public record Rule(String stage, String name, String operation, String field, String parameter) {
    }

    /** What became of one record: the standard record, or the rule (or built-in check) that rejected it. */
    public record Outcome(Map<String, Object> record, String rejectedBy, String reason) {
        public boolean accepted() {
            return rejectedBy == null;
        }
    }

    private IntakeRules() {
    }

    /** Checks a rule before it is stored: its operation fits its stage and field and its parameter can be used. */
    public static void validate(Rule r) {
        boolean convert = "CONVERT".equals(r.stage());
        if (!convert && !"CLEANSE".equals(r.stage())) {
            throw invalid("stage " + r.stage());
        }
        if (!(convert ? CONVERSIONS : CLEANSINGS).contains(r.operation())) {
            throw invalid("operation " + r.operation() + " in stage " + r.stage());
        }
        if (!FIELDS.contains(r.field())) {
            throw invalid("field " + r.field());
        }
        String p = r.parameter();
        switch (r.operation()) {
            case "RENAME", "PREFIX" -> require(p != null && !p.isBlank(), "a parameter is needed");
            case "TIME_FORMAT" -> {
                require("capturedAt".equals(r.field()) && p != null, "TIME_FORMAT applies to capturedAt: pattern|offset");
                formatter(p);
            }
            case "EPOCH_MILLIS", "NOT_FUTURE", "MAX_AGE_HOURS" -> {
                require("capturedAt".equals(r.field()), r.operation() + " applies to capturedAt");
                if (!"EPOCH_MILLIS".equals(r.operation())) {
                    require(positive(p), "a positive number is needed");
                }
            }
            case "IMAGE_JPEG" -> require("photoBase64".equals(r.field()), "IMAGE_JPEG applies to photoBase64");
            case "MIN_IMAGE_SIDE" -> require("photoBase64".equals(r.field()) && positive(p),
                    "MIN_IMAGE_SIDE applies to photoBase64 with a positive size");
            case "KNOWN_DEVICE" -> require("deviceCode".equals(r.field()), "KNOWN_DEVICE applies to deviceCode");
            case "PATTERN" -> {
                require(p != null && !p.isBlank(), "a regular expression is needed");
                try {
                    Pattern.compile(p);
                } catch (PatternSyntaxException e) {
                    throw invalid("regular expression " + p);
                }
            }
            default -> {
            }
        }
    }

    /**
     * Converts and cleanses one record. {@code rules} in their order; {@code knownDevice} says whether a device code
     * belongs to a registered camera; {@code now} is the reference for time checks.
     */
    public static Outcome apply(List<Rule> rules, Map<String, Object> raw, Predicate<String> knownDevice, Instant now) {
        Map<String, Object> rec = new LinkedHashMap<>();
        for (String f : FIELDS) {
            if (raw.get(f) != null) {
                rec.put(f, raw.get(f));
            }
        }
        for (Rule r : rules) {
            if (!"CONVERT".equals(r.stage())) {
                continue;
            }
            String failure = convert(r, raw, rec);
            if (failure != null) {
                return new Outcome(rec, r.name(), failure);
            }
        }
        if (text(rec.get("deviceCode")) == null) {
            return new Outcome(rec, "DEVICE_CODE_MISSING", "deviceCode is empty");
        }
        if (text(rec.get("capturedAt")) == null) {
            return new Outcome(rec, "CAPTURE_TIME_MISSING", "capturedAt is empty");
        }
        Instant at;
        try {
            at = Instant.parse(text(rec.get("capturedAt")));
        } catch (DateTimeParseException e) {
            return new Outcome(rec, "CAPTURE_TIME_INVALID", "capturedAt is not an ISO-8601 instant");
        }
        for (Rule r : rules) {
            if (!"CLEANSE".equals(r.stage())) {
                continue;
            }
            String failure = cleanse(r, rec, at, knownDevice, now);
            if (failure != null) {
                return new Outcome(rec, r.name(), failure);
            }
        }
        return new Outcome(rec, null, null);
    }

    private static String convert(Rule r, Map<String, Object> raw, Map<String, Object> rec) {
        String f = r.field();
        Object v = rec.get(f);
        switch (r.operation()) {
            case "RENAME" -> {
                if (raw.get(r.parameter()) != null) {
                    rec.put(f, raw.get(r.parameter()));
                }
            }
            case "TIME_FORMAT" -> {
                String s = text(v);
                if (s != null) {
                    String[] parts = r.parameter().split("\\|", 2);
                    try {
                        LocalDateTime local = LocalDateTime.parse(s, formatter(r.parameter()));
                        rec.put(f, local.toInstant(ZoneOffset.of(parts.length > 1 ? parts[1] : "+08:00")).toString());
                    } catch (DateTimeParseException e) {
                        return "capturedAt " + s + " does not fit " + parts[0];
                    }
                }
            }
            case "EPOCH_MILLIS" -> {
                String s = text(v);
                if (s != null) {
                    try {
                        rec.put(f, Instant.ofEpochMilli(Long.parseLong(s)).toString());
                    } catch (NumberFormatException e) {
                        return "capturedAt " + s + " is not epoch milliseconds";
                    }
                }
            }
            case "PREFIX" -> {
                String s = text(v);
                if (s != null && !s.startsWith(r.parameter())) {
                    rec.put(f, r.parameter() + s);
                }
            }
            case "UPPER_TRIM" -> {
                String s = text(v);
                if (s != null) {
                    rec.put(f, s.toUpperCase(Locale.ROOT));
                }
            }
            case "IMAGE_JPEG" -> {
                String s = text(v);
                if (s != null) {
                    BufferedImage img = image(s);
                    if (img == null) {
                        return "the picture cannot be read";
                    }
                    rec.put(f, Base64.getEncoder().encodeToString(jpeg(img)));
                }
            }
            default -> throw new IllegalStateException(r.operation());
        }
        return null;
    }

    private static String cleanse(Rule r, Map<String, Object> rec, Instant at, Predicate<String> knownDevice,
            Instant now) {
        String s = text(rec.get(r.field()));
        return switch (r.operation()) {
            case "NOT_EMPTY" -> s == null ? r.field() + " is empty" : null;
            case "PATTERN" -> s != null && Pattern.compile(r.parameter()).matcher(s).matches() ? null
                    : r.field() + " does not match " + r.parameter();
            case "NOT_FUTURE" -> at.isAfter(now.plusSeconds((long) Double.parseDouble(r.parameter())))
                    ? "capturedAt " + at + " lies in the future" : null;
            case "MAX_AGE_HOURS" -> at.isBefore(now.minus(Duration.ofMinutes(
                    Math.round(Double.parseDouble(r.parameter()) * 60)))) ? "capturedAt " + at + " is too old" : null;
            case "KNOWN_DEVICE" -> knownDevice.test(s) ? null : "device " + s + " is not registered";
            case "MIN_IMAGE_SIDE" -> {
                BufferedImage img = s == null ? null : image(s);
                int min = (int) Double.parseDouble(r.parameter());
                yield img != null && Math.min(img.getWidth(), img.getHeight()) >= min ? null
                        : "the picture is missing, unreadable or smaller than " + min + " px";
            }
            default -> throw new IllegalStateException(r.operation());
        };
    }

    private static DateTimeFormatter formatter(String parameter) {
        String[] parts = parameter.split("\\|", 2);
        try {
            if (parts.length > 1) {
                ZoneOffset.of(parts[1]);
            }
            return DateTimeFormatter.ofPattern(parts[0]);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw invalid("time format " + parameter);
        }
    }

    private static BufferedImage image(String base64) {
        try {
            return ImageIO.read(new ByteArrayInputStream(Base64.getMimeDecoder().decode(base64)));
        } catch (IllegalArgumentException | IOException e) {
            return null;
        }
    }

    private static byte[] jpeg(BufferedImage img) {
        BufferedImage rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        rgb.createGraphics().drawImage(img, 0, 0, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(rgb, "jpg", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    static String text(Object v) {
        if (v == null) {
            return null;
        }
        String s = v.toString().trim();
        return s.isEmpty() ? null : s;
    }

    private static boolean positive(String p) {
        try {
            return p != null && Double.parseDouble(p) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw invalid(what);
        }
    }

    private static HnswException invalid(String what) {
        return new HnswException(IntakeErrorCode.RULE_INVALID, what);
    }
}
