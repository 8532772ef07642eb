package cn.hnsw.video.plate;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Chinese licence-plate numbers (GA 36): a province character, the issuing authority's letter, then five (ordinary)
 * or six (new-energy) characters from A–Z without I and O, and 0–9; a few plates end in a use character (挂, 学, 警,
 * 港, 澳). The separator dot printed on the plate is not part of the number.
 */
public final class PlateNumbers {

    static final String PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
    private static final Pattern PLATE = Pattern.compile(
            "[" + PROVINCES + "][A-HJ-NP-Z][A-HJ-NP-Z0-9]{4}([A-HJ-NP-Z0-9]{1,2}|[挂学警港澳])");

    private PlateNumbers() {
    }

    /**
     * The plate number in a recognised text, or empty when the text is not one: separators and spaces are dropped,
     * letters upper-cased, and after the authority letter the O and I that plates never carry are read as 0 and 1.
     */
    public static Optional<String> normalise(String text) {
        if (text == null) {
            return Optional.empty();
        }
        StringBuilder kept = new StringBuilder();
        text.toUpperCase(Locale.ROOT).codePoints().forEach(c -> {
            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                kept.appendCodePoint(c);
            }
        });
        int start = -1;
        for (int i = 0; i < kept.length(); i++) {
            if (PROVINCES.indexOf(kept.charAt(i)) >= 0) {
                start = i;
                break;
            }
        }
        if (start < 0) {
            return Optional.empty();
        }
        StringBuilder plate = new StringBuilder(kept.substring(start));
        for (int i = 2; i < plate.length(); i++) {
            char c = plate.charAt(i);
            plate.setCharAt(i, c == 'O' ? '0' : c == 'I' ? '1' : c);
        }
        for (int len = Math.min(8, plate.length()); len >= 7; len--) {
            String candidate = plate.substring(0, len);
            if (PLATE.matcher(candidate).matches()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code plate} is a well-formed plate number as stored in a control list. */
    public static boolean isValid(String plate) {
        return plate != null && PLATE.matcher(plate).matches();
    }
}
