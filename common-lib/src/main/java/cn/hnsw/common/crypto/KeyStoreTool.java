package cn.hnsw.common.crypto;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * 密钥库工具 — generates the SM2 key stores of the platform and its partners, lists them, imports a partner's
 * certificate. Run with {@code --help} for usage; see docs/crypto.md.
 *
 * <p>Passwords come from an environment variable (default {@value #DEFAULT_PASSWORD_ENV}) or the console, never
 * from the command line, where {@code ps} and shell history would show them. Private keys are never printed.
 */
public final class KeyStoreTool {

    static final String DEFAULT_PASSWORD_ENV = "HNSW_KEYSTORE_PASSWORD";

    private static final Pattern KEY_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final String USAGE = """
            Usage: KeyStoreTool <command> [options]

            Commands:
              generate --out DIR --platform KEY_ID [--partner KEY_ID]... [--days N] [--organisation NAME] [--force]
                  Creates SM2 key pairs with self-signed SM3withSM2 certificates and writes
                    DIR/platform.p12           the platform's private key and certificate (load with Pkcs12CipherDevice)
                    DIR/trust.p12              every certificate, platform and partners (load with InMemoryKeyDirectory)
                    DIR/partners/KEY_ID.p12    each partner's private key and certificate, for the partner simulators
                    DIR/certs/KEY_ID.pem       each certificate in PEM, to give to a real partner
                  --days defaults to 730. Existing files are kept unless --force is given.
              list --store FILE
                  Lists key ids, certificate numbers (证书编号), subjects and validity. Never prints key material.
              import --trust FILE --cert PEM_FILE [--key-id KEY_ID]
                  Adds a partner's certificate to a trust store (created if absent). The key id defaults to the
                  certificate's CN.

            Options for every command:
              --password-env NAME   environment variable holding the key-store password (default HNSW_KEYSTORE_PASSWORD);
                                    when it is unset the password is read from the console.

            Key ids: lower-case letters, digits, '.', '_' and '-', at most 64, e.g. hnsw-platform, customs-haikou.
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;
    private final Console console;

    KeyStoreTool(PrintStream out, PrintStream err, Map<String, String> environment, Console console) {
        this.out = out;
        this.err = err;
        this.environment = environment;
        this.console = console;
    }

    public static void main(String[] args) {
        int status = new KeyStoreTool(System.out, System.err, System.getenv(), System.console()).run(args);
        System.exit(status);
    }

    /** Runs one command; returns the process exit status (0 ok, 1 failure, 2 usage error). */
    int run(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        try {
            Options options = Options.parse(args);
            switch (args[0]) {
                case "generate" -> generate(options);
                case "list" -> list(options);
                case "import" -> importCertificate(options);
                default -> throw new UsageException("unknown command " + args[0]);
            }
            return 0;
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (RuntimeException | IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private void generate(Options options) {
        options.allow("--out", "--platform", "--partner", "--days", "--organisation", "--force", "--password-env");
        Path dir = Path.of(options.required("--out"));
        String platform = keyId(options.required("--platform"));
        List<String> partners = new ArrayList<>();
        for (String partner : options.all("--partner")) {
            partners.add(keyId(partner));
        }
        if (partners.contains(platform) || partners.stream().distinct().count() != partners.size()) {
            throw new UsageException("key ids must be distinct");
        }
        Duration validity = Duration.ofDays(Integer.parseInt(options.value("--days", "730")));
        String organisation = options.value("--organisation", "Hainan International Trade Single Window");
        boolean force = options.flag("--force");

        List<Path> targets = new ArrayList<>(List.of(dir.resolve("platform.p12"), dir.resolve("trust.p12")));
        partners.forEach(p -> targets.add(dir.resolve("partners").resolve(p + ".p12")));
        if (!force) {
            for (Path target : targets) {
                if (Files.exists(target)) {
                    throw new IllegalStateException(target + " exists; use --force to overwrite");
                }
            }
        }
        generateStores(dir, platform, partners, password(options), validity, organisation)
                .forEach(out::println);
    }

    /**
     * Writes the stores that {@code generate} writes (see the usage text) and returns one line per file written,
     * naming key ids and certificate numbers. Public so that development set-ups (simulators, benchmarks) can make
     * throw-away keys without the command line.
     */
    public static List<String> generateStores(Path dir, String platformKeyId, List<String> partnerKeyIds,
                                              char[] password, Duration validity, String organisation) {
        Clock clock = Clock.systemUTC();
        List<String> lines = new ArrayList<>();
        Sm2Identity platformIdentity = KeyStores.generateIdentity(platformKeyId, organisation, validity, clock);
        Map<String, X509Certificate> certificates = new LinkedHashMap<>();
        certificates.put(platformKeyId, platformIdentity.certificate());
        Path platformStore = dir.resolve("platform.p12");
        KeyStores.write(KeyStores.privateStore(List.of(platformIdentity), password), platformStore, password);
        lines.add(describe("platform", platformStore, platformIdentity));
        for (String partner : partnerKeyIds) {
            Sm2Identity identity = KeyStores.generateIdentity(partner, partner, validity, clock);
            certificates.put(partner, identity.certificate());
            Path store = dir.resolve("partners").resolve(partner + ".p12");
            KeyStores.write(KeyStores.privateStore(List.of(identity), password), store, password);
            lines.add(describe("partner", store, identity));
        }
        Path trustStore = dir.resolve("trust.p12");
        KeyStores.write(KeyStores.trustStore(certificates), trustStore, password);
        lines.add("trust store  " + trustStore + " (" + certificates.size() + " certificates)");
        Path certs = dir.resolve("certs");
        try {
            Files.createDirectories(certs);
            for (Map.Entry<String, X509Certificate> entry : certificates.entrySet()) {
                Files.writeString(certs.resolve(entry.getKey() + ".pem"), pem(entry.getValue()), StandardCharsets.US_ASCII);
            }
        } catch (IOException e) {
            throw new CipherDeviceException("cannot write certificates to " + certs, e);
        }
        lines.add("certificates " + certs + "/*.pem");
        return lines;
    }

    /**
     * Adds to stores that {@link #generateStores} wrote earlier a key store for each partner that has none yet, and
     * its certificate to the trust store; existing keys are kept. A development set-up made before a partner was
     * registered then trusts the new partner without losing the keys it already handed out. Returns one line per
     * file written (none when every partner has its store).
     */
    public static List<String> addMissingPartners(Path dir, List<String> partnerKeyIds, char[] password,
                                                  Duration validity) {
        Path trustStore = dir.resolve("trust.p12");
        KeyStore trust = KeyStores.load(trustStore, password);
        Map<String, X509Certificate> certificates = new LinkedHashMap<>();
        try {
            for (String alias : Collections.list(trust.aliases())) {
                if (trust.getCertificate(alias) instanceof X509Certificate existing) {
                    certificates.put(alias, existing);
                }
            }
        } catch (KeyStoreException e) {
            throw new IllegalStateException("cannot read " + trustStore, e);
        }
        List<String> lines = new ArrayList<>();
        Clock clock = Clock.systemUTC();
        for (String partner : partnerKeyIds) {
            Path store = dir.resolve("partners").resolve(partner + ".p12");
            if (Files.exists(store) && certificates.containsKey(partner)) {
                continue;
            }
            Sm2Identity identity = KeyStores.generateIdentity(partner, partner, validity, clock);
            KeyStores.write(KeyStores.privateStore(List.of(identity), password), store, password);
            certificates.put(partner, identity.certificate());
            lines.add(describe("partner", store, identity));
            try {
                Path certs = dir.resolve("certs");
                Files.createDirectories(certs);
                Files.writeString(certs.resolve(partner + ".pem"), pem(identity.certificate()), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new CipherDeviceException("cannot write the certificate of " + partner, e);
            }
        }
        if (!lines.isEmpty()) {
            KeyStores.write(KeyStores.trustStore(certificates), trustStore, password);
            lines.add("trust store  " + trustStore + " (" + certificates.size() + " certificates)");
        }
        return lines;
    }

    private static String describe(String role, Path store, Sm2Identity identity) {
        return String.format("%-12s %s key id %s, certificate number %s", role, store, identity.keyId(),
                PlatformCertificate.certificateNumber(identity.certificate().getSerialNumber()));
    }

    private void list(Options options) {
        options.allow("--store", "--password-env");
        Path file = Path.of(options.required("--store"));
        KeyStore store = KeyStores.load(file, password(options));
        try {
            List<String> aliases = Collections.list(store.aliases());
            Collections.sort(aliases);
            for (String alias : aliases) {
                if (!(store.getCertificate(alias) instanceof X509Certificate certificate)) {
                    continue;
                }
                out.printf("%s\t%s\tcertificate number %s\tsubject %s\tvalid %s .. %s%n",
                        alias, store.isKeyEntry(alias) ? "private key + certificate" : "trusted certificate",
                        PlatformCertificate.certificateNumber(certificate.getSerialNumber()),
                        certificate.getSubjectX500Principal().getName(), certificate.getNotBefore().toInstant(),
                        certificate.getNotAfter().toInstant());
            }
        } catch (KeyStoreException e) {
            throw new IllegalStateException("cannot list " + file, e);
        }
    }

    private void importCertificate(Options options) throws IOException {
        options.allow("--trust", "--cert", "--key-id", "--password-env");
        Path trust = Path.of(options.required("--trust"));
        X509Certificate certificate;
        try (InputStream in = Files.newInputStream(Path.of(options.required("--cert")))) {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509", Sm2.PROVIDER).generateCertificate(in);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not an X.509 certificate: " + e.getMessage(), e);
        }
        Sm2PublicKey.fromJca(certificate.getPublicKey()); // refuses a non-SM2 certificate
        String keyId = keyId(options.value("--key-id", commonName(certificate)));
        char[] password = password(options);
        KeyStore store = Files.exists(trust) ? KeyStores.load(trust, password) : KeyStores.newStore();
        try {
            if (store.containsAlias(keyId)) {
                throw new IllegalStateException("trust store already has key id " + keyId);
            }
            // Re-write into a store of the write type so a legacy-encrypted input comes out with AES.
            Map<String, X509Certificate> certificates = new LinkedHashMap<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.getCertificate(alias) instanceof X509Certificate existing && !store.isKeyEntry(alias)) {
                    certificates.put(alias, existing);
                }
            }
            certificates.put(keyId, certificate);
            KeyStores.write(KeyStores.trustStore(certificates), trust, password);
        } catch (KeyStoreException e) {
            throw new IllegalStateException("cannot update " + trust, e);
        }
        out.println("imported " + keyId + " certificate number "
                + PlatformCertificate.certificateNumber(certificate.getSerialNumber()) + " into " + trust);
    }

    private char[] password(Options options) {
        String variable = options.value("--password-env", DEFAULT_PASSWORD_ENV);
        String value = environment.get(variable);
        if (value != null && !value.isEmpty()) {
            return value.toCharArray();
        }
        if (console == null) {
            throw new UsageException("set the key-store password in $" + variable + " (no console to ask on)");
        }
        char[] password = console.readPassword("Key-store password: ");
        if (password == null || password.length == 0) {
            throw new UsageException("empty password");
        }
        return password;
    }

    private static String keyId(String id) {
        if (!KEY_ID.matcher(id).matches()) {
            throw new UsageException("invalid key id '" + id + "'");
        }
        return id;
    }

    private static String commonName(X509Certificate certificate) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        RDN[] cn = subject.getRDNs(BCStyle.CN);
        if (cn.length == 0) {
            throw new UsageException("certificate has no CN; give --key-id");
        }
        return IETFUtils.valueToString(cn[0].getFirst().getValue());
    }

    static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode certificate", e);
        }
    }

    private static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /** {@code --name value} pairs (repeatable) and bare {@code --flag}s after the command word. */
    private record Options(Map<String, List<String>> values) {

        private static final List<String> FLAGS = List.of("--force");

        static Options parse(String[] args) {
            Map<String, List<String>> values = new LinkedHashMap<>();
            for (int i = 1; i < args.length; i++) {
                String name = args[i];
                if (!name.startsWith("--")) {
                    throw new UsageException("unexpected argument " + name);
                }
                if (FLAGS.contains(name)) {
                    values.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
                } else if (i + 1 < args.length) {
                    values.computeIfAbsent(name, k -> new ArrayList<>()).add(args[++i]);
                } else {
                    throw new UsageException(name + " needs a value");
                }
            }
            return new Options(values);
        }

        /** A misspelt option must not be silently ignored (a forgotten --partner would go unnoticed). */
        void allow(String... names) {
            for (String name : values.keySet()) {
                if (!List.of(names).contains(name)) {
                    throw new UsageException("unknown option " + name);
                }
            }
        }

        String required(String name) {
            List<String> list = values.get(name);
            if (list == null) {
                throw new UsageException(name + " is required");
            }
            return list.getLast();
        }

        String value(String name, String fallback) {
            List<String> list = values.get(name);
            return list == null ? fallback : list.getLast();
        }

        List<String> all(String name) {
            return values.getOrDefault(name, List.of());
        }

        boolean flag(String name) {
            return values.containsKey(name);
        }
    }
}
