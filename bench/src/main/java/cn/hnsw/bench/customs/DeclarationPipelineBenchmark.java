package cn.hnsw.bench.customs;

import cn.hnsw.common.crypto.InMemoryKeyDirectory;
import cn.hnsw.common.crypto.InMemoryReplayGuard;
import cn.hnsw.common.crypto.KeyStoreTool;
import cn.hnsw.common.crypto.MessageSealer;
import cn.hnsw.common.crypto.Pkcs12CipherDevice;
import cn.hnsw.customs.declaration.CustomsDeclaration;
import cn.hnsw.customs.declaration.DeclarationDocument;
import cn.hnsw.customs.declaration.DeclarationHeader;
import cn.hnsw.customs.declaration.DeclarationItem;
import cn.hnsw.customs.declaration.DeclarationType;
import cn.hnsw.customs.exchange.ExchangeMessages;
import cn.hnsw.customs.validation.CheckFamily;
import cn.hnsw.customs.validation.PreValidator;
import cn.hnsw.customs.validation.ReferenceLookups;
import cn.hnsw.customs.validation.Severity;
import cn.hnsw.customs.validation.ValidationReport;
import cn.hnsw.customs.validation.ValidationRule;
import cn.hnsw.customs.validation.ValidationRuleKind;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * 报关单预校验与申报 — what one direct-release declaration of 20 goods items costs the platform's CPU: the nine
 * pre-validation families with the rules customs-service ships (V4 seed), alone; and validation followed by what
 * declaring adds before the network — the declaration message as JSON, SM2-signed and SM4-encrypted
 * ({@code MessageSealer.seal}) to the Single Window's key, as JSON envelope bytes. Parameter codes come from the V3
 * seed; the whitelist holds the 20 commodities, so every rule runs to the end and passes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DeclarationPipelineBenchmark {

    static final String PLATFORM = "hnsw-platform";
    static final String SINGLE_WINDOW = "single-window-standard";
    static final String ENTERPRISE = "91460100MA5T00001L";

    List<ValidationRule> rules;
    ReferenceLookups lookups;
    CustomsDeclaration declaration;
    MessageSealer sealer;
    ObjectMapper json;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        rules = new ArrayList<>();
        for (List<String> t : SeedSql.tuples(SeedSql.resource("db/migration/V4__validation_rule_seed.sql"), "validation_rule")) {
            rules.add(new ValidationRule(t.get(0), CheckFamily.valueOf(t.get(1)), ValidationRuleKind.valueOf(t.get(2)),
                    ValidationRule.parseTypes(t.get(3)), Severity.valueOf(t.get(4)), true, t.get(5), t.get(6), t.get(7), 1));
        }
        Set<CheckFamily> families = new HashSet<>();
        rules.stream().filter(r -> r.appliesTo(DeclarationType.DIRECT_RELEASE)).forEach(r -> families.add(r.family()));
        if (families.size() != CheckFamily.values().length) {
            throw new IllegalStateException("not all nine families apply to direct release: " + families);
        }
        Map<String, Set<String>> codes = new HashMap<>();
        for (List<String> t : SeedSql.tuples(SeedSql.resource("db/migration/V3__clearance_parameter_seed.sql"), "clearance_parameter_entry")) {
            codes.computeIfAbsent(t.get(0), k -> new HashSet<>()).add(t.get(2));
        }
        List<DeclarationItem> items = new ArrayList<>();
        Set<String> whitelist = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String hs = String.valueOf(3907610000L + i * 7L);
            whitelist.add(hs);
            items.add(new DeclarationItem(i + 1, hs, "聚酯切片" + i, "0|0|聚对苯二甲酸乙二醇酯|初级形状", new BigDecimal("5000"), "035",
                    new BigDecimal("5000"), "035", null, null, new BigDecimal("1.25"), new BigDecimal("6250.00"), "USD",
                    "SGP", "CHN", "3", new BigDecimal("260"), new BigDecimal("250"), "19"));
        }
        lookups = new ReferenceLookups() {
            @Override
            public boolean knownCode(String table, String code) {
                return codes.getOrDefault(table, Set.of()).contains(code);
            }

            @Override
            public boolean qualified(String enterpriseUscc) {
                return ENTERPRISE.equals(enterpriseUscc);
            }

            @Override
            public boolean whitelisted(String hsCode) {
                return whitelist.contains(hsCode);
            }

            @Override
            public Set<String> directReleaseLevyNatures() {
                return Set.of("101");
            }
        };
        DeclarationHeader header = new DeclarationHeader("6400", "6400", null, "0110", "101", false, "2", "COSCO HAIKOU",
                "2611E", "HNBL2026110001", ENTERPRISE, "海南洋浦新材料科技有限公司", "PACIFIC RESINS PTE. LTD.", ENTERPRISE,
                "海南洋浦新材料科技有限公司", "SGP", "SGP", "SGSIN", "1", "22", 120, new BigDecimal("5400.5"),
                new BigDecimal("5200"), "HT-2026-001", null, "19,HN01", null);
        declaration = CustomsDeclaration.draft("640020261000000001", DeclarationType.DIRECT_RELEASE, null, ENTERPRISE,
                "海南洋浦新材料科技有限公司", header, items, null, Instant.now());
        ValidationReport report = PreValidator.validate(declaration, rules, lookups);
        if (!report.passed() || report.warningCount() != 0) {
            throw new IllegalStateException("the benchmark declaration must pass every rule: " + report.findings());
        }

        Path keys = Files.createTempDirectory("hnsw-bench-customs-keys-");
        char[] password = "bench-customs".toCharArray();
        KeyStoreTool.generateStores(keys, PLATFORM, List.of(SINGLE_WINDOW), password, Duration.ofDays(1), "bench");
        sealer = new MessageSealer(Pkcs12CipherDevice.load(keys.resolve("platform.p12"), password),
                InMemoryKeyDirectory.fromTrustStore(keys.resolve("trust.p12"), password),
                new InMemoryReplayGuard(Clock.systemUTC(), 1_000), Clock.systemUTC());
        json = new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** The nine families alone. */
    @Benchmark
    public ValidationReport validate() {
        return PreValidator.validate(declaration, rules, lookups);
    }

    /** The nine families, then the declaration message signed and encrypted for the Single Window. */
    @Benchmark
    public byte[] validateAndDeclare() throws Exception {
        ValidationReport report = PreValidator.validate(declaration, rules, lookups);
        if (!report.passed()) {
            throw new IllegalStateException("refused");
        }
        byte[] message = json.writeValueAsBytes(new ExchangeMessages.DeclarationMessage(ExchangeMessages.DECLARATION,
                UUID.randomUUID(), DeclarationDocument.of(declaration)));
        return sealer.seal(message, PLATFORM, SINGLE_WINDOW).toJson();
    }
}
