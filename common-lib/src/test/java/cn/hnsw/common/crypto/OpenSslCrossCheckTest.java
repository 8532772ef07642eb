package cn.hnsw.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our SM3, SM4 and SM2 against the machine's OpenSSL 3, an independent implementation. Skipped (not failed) when
 * openssl is absent or built without the SM algorithms.
 */
class OpenSslCrossCheckTest {

    private static String digests = "";
    private static String ciphers = "";

    @TempDir
    Path dir;

    @BeforeAll
    static void probeOpenSsl() {
        try {
            digests = run(null, "openssl", "list", "-digest-algorithms").toUpperCase(Locale.ROOT);
            ciphers = run(null, "openssl", "list", "-cipher-algorithms").toUpperCase(Locale.ROOT);
        } catch (IOException | InterruptedException | IllegalStateException e) {
            digests = "";
            ciphers = "";
        }
    }

    @Test
    void sm3AndHmacSm3MatchOpenSsl() throws Exception {
        assumeTrue(digests.contains("SM3"), "openssl with SM3 not available");
        Random random = new Random(32905);
        for (int length : new int[] {0, 1, 55, 56, 64, 1000, 4096 + 300}) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            Path file = dir.resolve("data-" + length);
            Files.write(file, data);

            assertThat(lastHex(run(null, "openssl", "dgst", "-sm3", file.toString())))
                    .isEqualTo(HexFormat.of().formatHex(Sm3.digest(data)));
            assertThat(lastHex(run(null, "openssl", "dgst", "-sm3", "-hmac", "hnsw-key", file.toString())))
                    .isEqualTo(HexFormat.of().formatHex(Sm3.hmac("hnsw-key".getBytes(StandardCharsets.US_ASCII), data)));
        }
    }

    @Test
    void sm4EcbAndCbcMatchOpenSsl() throws Exception {
        assumeTrue(ciphers.contains("SM4-ECB") && ciphers.contains("SM4-CBC"), "openssl with SM4 not available");
        Random random = new Random(32907);
        byte[] key = new byte[16];
        byte[] iv = new byte[16];
        byte[] data = new byte[16 * 37];
        random.nextBytes(key);
        random.nextBytes(iv);
        random.nextBytes(data);
        Path file = dir.resolve("plain");
        Files.write(file, data);
        String keyHex = HexFormat.of().formatHex(key);

        byte[] ecb = runBytes("openssl", "enc", "-sm4-ecb", "-nopad", "-K", keyHex, "-in", file.toString());
        assertThat(ecb).isEqualTo(Sm4.encryptBlocks(key, data, 1));

        byte[] cbc = runBytes("openssl", "enc", "-sm4-cbc", "-nopad", "-K", keyHex, "-iv",
                HexFormat.of().formatHex(iv), "-in", file.toString());
        CBCBlockCipher ours = (CBCBlockCipher) CBCBlockCipher.newInstance(new SM4Engine());
        ours.init(true, new ParametersWithIV(new KeyParameter(key), iv));
        byte[] expected = new byte[data.length];
        for (int off = 0; off < data.length; off += 16) {
            ours.processBlock(data, off, expected, off);
        }
        assertThat(cbc).isEqualTo(expected);
    }

    @Test
    void sm2SignaturesVerifyBothWays() throws Exception {
        assumeTrue(digests.contains("SM3"), "openssl with SM3 not available");
        KeyPair keys = Sm2.generateKeyPair();
        byte[] data = "<CEB311Message>跨境电商订单</CEB311Message>".getBytes(StandardCharsets.UTF_8);
        Path message = dir.resolve("message");
        Path publicPem = dir.resolve("pub.pem");
        Path privatePem = dir.resolve("key.pem");
        Path ourSignature = dir.resolve("ours.der");
        Path theirSignature = dir.resolve("theirs.der");
        Files.write(message, data);
        Files.writeString(publicPem, pem("PUBLIC KEY", keys.getPublic().getEncoded()));
        Files.writeString(privatePem, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
        Files.write(ourSignature, Sm2.rawToDer(Sm2.sign(Sm2.privateKeyParameters(keys.getPrivate()), data)));

        String verified = run(null, "openssl", "dgst", "-sm3", "-verify", publicPem.toString(),
                "-sigopt", "distid:" + Sm2.DEFAULT_USER_ID, "-signature", ourSignature.toString(), message.toString());
        assertThat(verified).contains("Verified OK");

        run(null, "openssl", "dgst", "-sm3", "-sign", privatePem.toString(), "-sigopt", "distid:" + Sm2.DEFAULT_USER_ID,
                "-out", theirSignature.toString(), message.toString());
        assertThat(Sm2.verify(Sm2PublicKey.fromJca(keys.getPublic()), data, Files.readAllBytes(theirSignature))).isTrue();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static String lastHex(String output) {
        String trimmed = output.strip();
        return trimmed.substring(trimmed.lastIndexOf(' ') + 1);
    }

    private byte[] runBytes(String... command) throws IOException, InterruptedException {
        Path out = dir.resolve("out-" + System.nanoTime());
        run(out, command);
        return Files.readAllBytes(out);
    }

    private static String run(Path stdout, String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(args).redirectErrorStream(stdout == null);
        if (stdout != null) {
            builder.redirectOutput(stdout.toFile());
        }
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed: "
                    + new String(output, StandardCharsets.UTF_8) + new String(process.getErrorStream().readAllBytes(),
                    StandardCharsets.UTF_8));
        }
        return new String(output, StandardCharsets.UTF_8);
    }
}
