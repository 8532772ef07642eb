package cn.hnsw.tradewindow.pilot;

import cn.hnsw.common.web.HnswException;

import java.util.Locale;
import java.util.Map;

/**
 * What an uploaded document may be: PDF, JPG, PNG or OFD (the national format for electronic documents), recognised
 * by name AND by the file's first bytes, so a renamed executable is refused; at most {@code maxBytes}.
 */
public record DocumentPolicy(long maxBytes) {

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "pdf", "application/pdf", "jpg", "image/jpeg", "jpeg", "image/jpeg", "png", "image/png",
            "ofd", "application/ofd");

    /** Checks the file and returns its content type. */
    public String check(String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw new HnswException(PilotErrorCode.FILE_EMPTY);
        }
        if (content.length > maxBytes) {
            throw new HnswException(PilotErrorCode.FILE_TOO_LARGE, maxBytes / (1024 * 1024));
        }
        String name = fileName == null ? "" : fileName;
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        String type = CONTENT_TYPES.get(ext);
        if (type == null || !magicMatches(ext, content)) {
            throw new HnswException(PilotErrorCode.FILE_TYPE_NOT_ALLOWED, name);
        }
        return type;
    }

    private static boolean magicMatches(String ext, byte[] c) {
        return switch (ext) {
            case "pdf" -> startsWith(c, 0x25, 0x50, 0x44, 0x46);
            case "png" -> startsWith(c, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A);
            case "jpg", "jpeg" -> startsWith(c, 0xFF, 0xD8, 0xFF);
            case "ofd" -> startsWith(c, 0x50, 0x4B, 0x03, 0x04);
            default -> false;
        };
    }

    private static boolean startsWith(byte[] c, int... magic) {
        if (c.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((c[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
