package cn.hnsw.simulators.partner;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A simulated partner system: what the platform believes is customs, a bank, a gate… and is in fact this service.
 * Both names must say so (模拟器 / simulator), because they appear in API answers, receipts, logs and the public
 * status page, and nobody may mistake a simulator's answer for a real partner's.
 *
 * @param id     stable id used in URLs and the database, e.g. {@code customs-h2018}
 * @param nameZh Chinese name, containing 模拟器
 * @param nameEn English name, containing "simulator"
 * @param kind   the kind of system simulated
 * @param keyId  the SM2 key the simulated partner signs with and the platform seals to, e.g. {@code bank-boc-hainan}
 */
public record Partner(String id, String nameZh, String nameEn, PartnerKind kind, String keyId) {

    /** Same rule as the key store tool's key ids, so an id can double as a key id and a URL segment. */
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public Partner {
        requireId(id, "id");
        requireId(keyId, "keyId of " + id);
        Objects.requireNonNull(kind, () -> "kind of partner " + id);
        if (nameZh == null || !nameZh.contains("模拟器")) {
            throw new IllegalArgumentException("the Chinese name of partner " + id + " must say 模拟器: " + nameZh);
        }
        if (nameEn == null || !nameEn.toLowerCase(Locale.ROOT).contains("simulator")) {
            throw new IllegalArgumentException("the English name of partner " + id + " must say simulator: " + nameEn);
        }
    }

    private static void requireId(String value, String what) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new IllegalArgumentException("partner " + what + " must match " + ID.pattern() + " but was " + value);
        }
    }
}
