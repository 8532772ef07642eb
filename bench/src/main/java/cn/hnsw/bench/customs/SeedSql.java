package cn.hnsw.bench.customs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the VALUES tuples of customs-service's seed migrations from its jar, so the benchmark runs the rules and codes
 * the service ships, not a copy of them.
 */
final class SeedSql {

    private SeedSql() {
    }

    static String resource(String path) {
        try (InputStream in = SeedSql.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every parenthesised tuple of SQL literals ('text' with '' escapes, numbers, NULL, true/false) after a VALUES. */
    static List<List<String>> tuples(String sql, String table) {
        List<List<String>> tuples = new ArrayList<>();
        int at = 0;
        while ((at = sql.indexOf("INSERT INTO " + table + " ", at)) >= 0) {
            int values = sql.indexOf("VALUES", at);
            int i = values + 6;
            while (i < sql.length() && sql.charAt(i) != ';') {
                char c = sql.charAt(i);
                if (c == '(') {
                    List<String> tuple = new ArrayList<>();
                    i++;
                    StringBuilder token = new StringBuilder();
                    boolean quoted = false;
                    boolean wasQuoted = false;
                    while (true) {
                        char d = sql.charAt(i);
                        if (quoted) {
                            if (d == '\'' && i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                                token.append('\'');
                                i += 2;
                                continue;
                            }
                            if (d == '\'') {
                                quoted = false;
                            } else {
                                token.append(d);
                            }
                        } else if (d == '\'') {
                            quoted = true;
                            wasQuoted = true;
                        } else if (d == ',' || d == ')') {
                            String text = token.toString().trim();
                            tuple.add(!wasQuoted && text.equalsIgnoreCase("NULL") ? null : text);
                            token.setLength(0);
                            wasQuoted = false;
                            if (d == ')') {
                                break;
                            }
                        } else {
                            token.append(d);
                        }
                        i++;
                    }
                    tuples.add(tuple);
                }
                i++;
            }
            at = i;
        }
        return tuples;
    }
}
