package cn.hnsw.common.crypto;

import static cn.hnsw.common.crypto.CryptoFixtures.CLOCK;
import static cn.hnsw.common.crypto.CryptoFixtures.CUSTOMS;
import static cn.hnsw.common.crypto.CryptoFixtures.CUSTOMS_DEVICE;
import static cn.hnsw.common.crypto.CryptoFixtures.DIRECTORY;
import static cn.hnsw.common.crypto.CryptoFixtures.MARITIME;
import static cn.hnsw.common.crypto.CryptoFixtures.MARITIME_DEVICE;
import static cn.hnsw.common.crypto.CryptoFixtures.PLATFORM;
import static cn.hnsw.common.crypto.CryptoFixtures.PLATFORM_DEVICE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Feeds 100,000 mutated envelopes (JSON and XML) to {@link MessageSealer#open}. Every one must be refused with a
 * {@link SealRefusedException}; nothing else may escape and no payload may come back.
 *
 * <p>Some mutations leave an envelope that means the same (whitespace inserted between XML elements, say). So that
 * "refused" holds for those too, every original is opened once first: a semantically identical mutant then passes
 * every check up to the replay guard and is refused as {@link RefusalCode#REPLAYED}; any mutant that changes a
 * signed field fails earlier. A mutant that opened would be a forgery, and fails the test.
 *
 * <p>The seed is fixed so that a failure reproduces; the message names the iteration and the mutation.
 */
class SealedMessageFuzzTest {

    private static final long SEED = 0x5EA1_2025L;
    private static final int MUTANTS = 100_000;

    private enum Mutation {
        BIT_FLIP, DELETE, INSERT, TRUNCATE, GARBAGE, FIELD_SWAP, FIELD_SPLICE, DUPLICATE_SEGMENT, BASE64_CHAR, BYTE_REPLACE
    }

    private static final Pattern JSON_FIELD = Pattern.compile("\"(\\w+)\":(\"[^\"]*\"|\\d+)");
    private static final Pattern XML_FIELD = Pattern.compile("<(\\w+)>([^<]*)</\\1>");
    private static final String SYNTAX = " \n\t{}[]<>\"=/:,AZaz09+";
    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    @Test
    void everyMutantIsRefusedWithACodeAndNothingElse() {
        MessageSealer platform = new MessageSealer(PLATFORM_DEVICE, DIRECTORY, new InMemoryReplayGuard(CLOCK, 1_000_000), CLOCK);
        MessageSealer customs = new MessageSealer(CUSTOMS_DEVICE, DIRECTORY, new InMemoryReplayGuard(CLOCK, 10), CLOCK);
        MessageSealer maritime = new MessageSealer(MARITIME_DEVICE, DIRECTORY, new InMemoryReplayGuard(CLOCK, 10), CLOCK);

        List<SealedMessage> originals = new ArrayList<>();
        for (int size : new int[] {0, 16, 64, 200}) {
            byte[] payload = ("报关单" + "x".repeat(size)).getBytes(StandardCharsets.UTF_8);
            originals.add(customs.seal(payload, CUSTOMS, PLATFORM));
            originals.add(maritime.seal(payload, MARITIME, PLATFORM));
        }
        List<byte[]> json = originals.stream().map(SealedMessage::toJson).toList();
        List<byte[]> xml = originals.stream().map(SealedMessage::toXml).toList();
        for (SealedMessage original : originals) {
            platform.open(original); // from now on, only a forgery could open
        }

        SplittableRandom random = new SplittableRandom(SEED);
        Map<RefusalCode, Integer> codes = new EnumMap<>(RefusalCode.class);
        Map<Mutation, Integer> mutations = new EnumMap<>(Mutation.class);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < MUTANTS && failures.size() < 10; i++) {
            boolean asJson = (i & 1) == 0;
            int which = random.nextInt(originals.size());
            List<byte[]> forms = asJson ? json : xml;
            Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length)];
            byte[] mutant = mutate(mutation, forms.get(which), forms.get((which + 1 + random.nextInt(forms.size() - 1)) % forms.size()),
                    asJson, random);
            mutations.merge(mutation, 1, Integer::sum);
            try {
                OpenedMessage opened = platform.open(mutant);
                failures.add("#" + i + " " + mutation + (asJson ? " JSON" : " XML") + " opened to " + opened + ": "
                        + new String(mutant, StandardCharsets.UTF_8));
            } catch (SealRefusedException e) {
                assertThat(e.code()).isNotNull();
                codes.merge(e.code(), 1, Integer::sum);
            } catch (RuntimeException | Error e) {
                failures.add("#" + i + " " + mutation + (asJson ? " JSON" : " XML") + " threw " + e + ": "
                        + new String(mutant, StandardCharsets.UTF_8));
            }
        }

        assertThat(failures).as("mutants not refused with a code").isEmpty();
        assertThat(codes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(MUTANTS);
        assertThat(mutations.keySet()).containsExactlyInAnyOrder(Mutation.values());
        assertThat(codes).containsKeys(RefusalCode.MALFORMED, RefusalCode.TAMPERED);
    }

    private static byte[] mutate(Mutation mutation, byte[] original, byte[] other, boolean json, SplittableRandom random) {
        byte[] b = original;
        return switch (mutation) {
            case BIT_FLIP -> {
                byte[] copy = b.clone();
                int flips = 1 + random.nextInt(4);
                for (int k = 0; k < flips; k++) {
                    copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
                }
                yield copy;
            }
            case BYTE_REPLACE -> {
                byte[] copy = b.clone();
                int at = random.nextInt(copy.length);
                copy[at] = (byte) (copy[at] + 1 + random.nextInt(255)); // always a different byte
                yield copy;
            }
            case DELETE -> {
                int at = random.nextInt(b.length);
                int n = Math.min(1 + random.nextInt(8), b.length - at);
                yield concat(Arrays.copyOfRange(b, 0, at), Arrays.copyOfRange(b, at + n, b.length));
            }
            case INSERT -> {
                int at = random.nextInt(b.length + 1);
                byte[] inserted = new byte[1 + random.nextInt(8)];
                for (int k = 0; k < inserted.length; k++) {
                    // Half the time characters that parsers care about, so that some mutants get far.
                    inserted[k] = random.nextBoolean() ? (byte) SYNTAX.charAt(random.nextInt(SYNTAX.length()))
                            : (byte) random.nextInt(256);
                }
                yield concat(Arrays.copyOfRange(b, 0, at), inserted, Arrays.copyOfRange(b, at, b.length));
            }
            case TRUNCATE -> Arrays.copyOf(b, random.nextInt(b.length));
            case GARBAGE -> {
                byte[] garbage = new byte[random.nextInt(2 * b.length)];
                random.nextBytes(garbage);
                if (garbage.length > 0 && random.nextBoolean()) {
                    garbage[0] = (byte) (json ? '{' : '<');
                }
                yield garbage;
            }
            case DUPLICATE_SEGMENT -> {
                int from = random.nextInt(b.length);
                int n = Math.min(1 + random.nextInt(64), b.length - from);
                int at = random.nextInt(b.length + 1);
                yield concat(Arrays.copyOfRange(b, 0, at), Arrays.copyOfRange(b, from, from + n),
                        Arrays.copyOfRange(b, at, b.length));
            }
            case FIELD_SWAP -> {
                List<int[]> fields = fieldValues(b, json);
                int first = random.nextInt(fields.size());
                int second = (first + 1 + random.nextInt(fields.size() - 1)) % fields.size();
                yield swap(b, fields.get(Math.min(first, second)), fields.get(Math.max(first, second)));
            }
            case FIELD_SPLICE -> {
                // The same field taken from another genuine envelope: each part is authentic, the whole is not.
                List<int[]> mine = fieldValues(b, json);
                List<int[]> theirs = fieldValues(other, json);
                int k = random.nextInt(Math.min(mine.size(), theirs.size()));
                int[] at = mine.get(k);
                int[] from = theirs.get(k);
                yield concat(Arrays.copyOfRange(b, 0, at[0]), Arrays.copyOfRange(other, from[0], from[1]),
                        Arrays.copyOfRange(b, at[1], b.length));
            }
            case BASE64_CHAR -> {
                // Stays valid base64 (mostly), so it reaches the signature check rather than the parser.
                List<int[]> fields = fieldValues(b, json);
                int[] field = fields.get(5 + random.nextInt(fields.size() - 5)); // nonce .. signature
                byte[] copy = b.clone();
                int start = field[0] + (json ? 1 : 0);
                int end = field[1] - (json ? 1 : 0);
                int at = start + random.nextInt(Math.max(1, end - start));
                char replacement;
                do {
                    replacement = BASE64.charAt(random.nextInt(BASE64.length()));
                } while (replacement == copy[at]);
                copy[at] = (byte) replacement;
                yield copy;
            }
        };
    }

    /** [start, end) of every field's value (JSON: including quotes), in document order. */
    private static List<int[]> fieldValues(byte[] encoded, boolean json) {
        // Base64, ids and timestamps are ASCII, so character offsets are byte offsets here.
        Matcher m = (json ? JSON_FIELD : XML_FIELD).matcher(new String(encoded, StandardCharsets.ISO_8859_1));
        List<int[]> values = new ArrayList<>();
        while (m.find()) {
            values.add(new int[] {m.start(2), m.end(2)});
        }
        assertThat(values).hasSize(10);
        return values;
    }

    private static byte[] swap(byte[] b, int[] first, int[] second) {
        return concat(Arrays.copyOfRange(b, 0, first[0]), Arrays.copyOfRange(b, second[0], second[1]),
                Arrays.copyOfRange(b, first[1], second[0]), Arrays.copyOfRange(b, first[0], first[1]),
                Arrays.copyOfRange(b, second[1], b.length));
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
