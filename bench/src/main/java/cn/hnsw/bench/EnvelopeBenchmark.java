package cn.hnsw.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import cn.hnsw.common.crypto.MessageSealer;
import cn.hnsw.common.crypto.OpenedMessage;
import cn.hnsw.common.crypto.ReplayGuard;
import cn.hnsw.common.crypto.SealedMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Seal and open of a 4 KiB payload, partner to platform, through {@link MessageSealer}.
 *
 * <p>Open re-opens one envelope each invocation. So that this measures the cryptography and not the replay refusal,
 * the platform's replay guard admits everything, and its clock is fixed at the seal time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class EnvelopeBenchmark {

    static final int PAYLOAD_BYTES = 4096;

    private MessageSealer partner;
    private MessageSealer platform;
    private byte[] payload;
    private SealedMessage sealed;
    private byte[] sealedJson;
    private byte[] sealedXml;

    @Setup
    public void setUp() {
        BenchKeys keys = new BenchKeys();
        Clock clock = Clock.fixed(Instant.now(), ZoneOffset.UTC);
        ReplayGuard admitAll = (sender, messageId, expiresAt) -> true;
        partner = new MessageSealer(keys.partner, keys.directory, admitAll, clock);
        platform = new MessageSealer(keys.platform, keys.directory, admitAll, clock);
        payload = new byte[PAYLOAD_BYTES];
        new Random(4096).nextBytes(payload);
        sealed = partner.seal(payload, BenchKeys.PARTNER, BenchKeys.PLATFORM);
        sealedJson = sealed.toJson();
        sealedXml = sealed.toXml();
    }

    @Benchmark
    public SealedMessage seal() {
        return partner.seal(payload, BenchKeys.PARTNER, BenchKeys.PLATFORM);
    }

    @Benchmark
    public byte[] sealToJson() {
        return partner.seal(payload, BenchKeys.PARTNER, BenchKeys.PLATFORM).toJson();
    }

    @Benchmark
    public OpenedMessage open() {
        return platform.open(sealed);
    }

    @Benchmark
    public OpenedMessage openFromJson() {
        return platform.open(sealedJson);
    }

    @Benchmark
    public OpenedMessage openFromXml() {
        return platform.open(sealedXml);
    }
}
