package cn.hnsw.common.audit;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.util.encoders.Hex;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An append-only table whose rows are linked by SM3: {@code hash = SM3(chain, seq, prev_hash, every column)} with
 * each value length-prefixed so that no two contents encode alike. Appends are serialised by locking the chain's head
 * row, which also records the last link so that removing the newest rows is detected too.
 */
final class HashChain {

    static final String GENESIS = "0".repeat(64);

    private final JdbcTemplate jdbc;
    private final String chain;
    private final String table;
    private final List<String> columns;
    private final String insertSql;

    HashChain(JdbcTemplate jdbc, String table, List<String> columns) {
        this.jdbc = jdbc;
        this.chain = table;
        this.table = table;
        this.columns = List.copyOf(columns);
        this.insertSql = "INSERT INTO " + table + " (seq, " + String.join(", ", columns) + ", prev_hash, hash) VALUES (?, "
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ", ?, ?)";
    }

    /** Appends one row; must run inside a transaction (the head row lock is held until it commits). */
    long append(Map<String, Object> values) {
        jdbc.update("INSERT INTO audit_chain_head (chain, last_seq, last_hash) VALUES (?, 0, ?) ON CONFLICT (chain) DO NOTHING",
                chain, GENESIS);
        Map<String, Object> head = jdbc.queryForMap(
                "SELECT last_seq, last_hash FROM audit_chain_head WHERE chain = ? FOR UPDATE", chain);
        long seq = ((Number) head.get("last_seq")).longValue() + 1;
        String prev = (String) head.get("last_hash");
        Map<String, Object> normalised = normalise(values);
        String hash = digest(seq, prev, normalised);
        Object[] args = new Object[columns.size() + 3];
        args[0] = seq;
        for (int i = 0; i < columns.size(); i++) {
            Object v = normalised.get(columns.get(i));
            args[i + 1] = v instanceof Instant instant ? Timestamp.from(instant) : v;
        }
        args[columns.size() + 1] = prev;
        args[columns.size() + 2] = hash;
        jdbc.update(insertSql, args);
        jdbc.update("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE chain = ?", seq, hash, chain);
        return seq;
    }

    /** Walks the whole chain and reports the first row that does not fit. */
    ChainVerification verify() {
        Walker walker = new Walker();
        jdbc.query("SELECT seq, " + String.join(", ", columns) + ", prev_hash, hash FROM " + table + " ORDER BY seq",
                walker);
        if (walker.broken != null) {
            return walker.broken;
        }
        List<Map<String, Object>> heads = jdbc.queryForList(
                "SELECT last_seq, last_hash FROM audit_chain_head WHERE chain = ?", chain);
        long headSeq = heads.isEmpty() ? 0 : ((Number) heads.get(0).get("last_seq")).longValue();
        String headHash = heads.isEmpty() ? GENESIS : (String) heads.get(0).get("last_hash");
        if (headSeq != walker.lastSeq || !headHash.equals(walker.lastHash)) {
            return ChainVerification.broken(table, walker.checked, walker.lastSeq + 1,
                    "the newest rows are missing or the chain head was altered");
        }
        return ChainVerification.intact(table, walker.checked);
    }

    private final class Walker implements RowCallbackHandler {
        long expectedSeq = 1;
        long lastSeq = 0;
        String lastHash = GENESIS;
        long checked;
        ChainVerification broken;

        @Override
        public void processRow(ResultSet rs) throws SQLException {
            if (broken != null) {
                return;
            }
            long seq = rs.getLong("seq");
            if (seq != expectedSeq) {
                broken = ChainVerification.broken(table, checked, expectedSeq, "row " + expectedSeq + " is missing");
                return;
            }
            String prev = rs.getString("prev_hash");
            if (!lastHash.equals(prev)) {
                broken = ChainVerification.broken(table, checked, seq, "the link to the previous row does not match");
                return;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (String c : columns) {
                Object v = rs.getObject(c);
                values.put(c, v instanceof Timestamp || v instanceof OffsetDateTime
                        ? rs.getObject(c, OffsetDateTime.class).toInstant() : rs.getString(c));
            }
            String hash = rs.getString("hash");
            if (!digest(seq, prev, values).equals(hash)) {
                broken = ChainVerification.broken(table, checked, seq, "the row's content was changed");
                return;
            }
            checked++;
            lastSeq = seq;
            lastHash = hash;
            expectedSeq = seq + 1;
        }
    }

    private Map<String, Object> normalise(Map<String, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String c : columns) {
            Object v = values.get(c);
            if (v instanceof Instant instant) {
                // PostgreSQL keeps microseconds: hash what will be read back.
                v = instant.truncatedTo(ChronoUnit.MICROS);
            } else if (v instanceof OffsetDateTime odt) {
                v = odt.toInstant().truncatedTo(ChronoUnit.MICROS);
            } else if (v != null) {
                v = v.toString();
            }
            out.put(c, v);
        }
        return out;
    }

    private String digest(long seq, String prev, Map<String, Object> values) {
        SM3Digest sm3 = new SM3Digest();
        update(sm3, chain);
        update(sm3, Long.toString(seq));
        update(sm3, prev);
        for (String c : columns) {
            Object v = values.get(c);
            update(sm3, v instanceof Instant instant ? instant.toString()
                    : (String) v);
        }
        byte[] out = new byte[sm3.getDigestSize()];
        sm3.doFinal(out, 0);
        return Hex.toHexString(out);
    }

    private static void update(SM3Digest sm3, String value) {
        byte[] length;
        if (value == null) {
            length = "-1:".getBytes(StandardCharsets.US_ASCII);
            sm3.update(length, 0, length.length);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        length = (bytes.length + ":").getBytes(StandardCharsets.US_ASCII);
        sm3.update(length, 0, length.length);
        sm3.update(bytes, 0, bytes.length);
    }
}
