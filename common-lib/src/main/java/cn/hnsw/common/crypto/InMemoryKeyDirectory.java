package cn.hnsw.common.crypto;

import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A fixed {@link KeyDirectory}, typically loaded from the PKCS#12 trust store that {@link KeyStoreTool} writes.
 * Immutable, hence thread-safe; to change trust, load a new one.
 */
public final class InMemoryKeyDirectory implements KeyDirectory {

    private final Map<String, TrustedKey> byKeyId;
    private final Map<String, TrustedKey> byCertificateNumber;

    private InMemoryKeyDirectory(Collection<TrustedKey> keys) {
        Map<String, TrustedKey> ids = new HashMap<>();
        Map<String, TrustedKey> numbers = new HashMap<>();
        for (TrustedKey key : keys) {
            if (ids.putIfAbsent(key.keyId(), key) != null) {
                throw new IllegalArgumentException("duplicate key id in key directory: " + key.keyId());
            }
            if (numbers.putIfAbsent(normalise(key.certificateNumber()), key) != null) {
                throw new IllegalArgumentException("duplicate certificate number in key directory: " + key.certificateNumber());
            }
        }
        this.byKeyId = Map.copyOf(ids);
        this.byCertificateNumber = Map.copyOf(numbers);
    }

    public static InMemoryKeyDirectory of(Collection<TrustedKey> keys) {
        return new InMemoryKeyDirectory(keys);
    }

    /**
     * Every certificate in a PKCS#12 trust store; the alias is the key id.
     *
     * @throws CipherDeviceException when the store cannot be read or holds a certificate that is not SM2
     */
    public static InMemoryKeyDirectory fromTrustStore(Path trustStore, char[] password) {
        KeyStore store = KeyStores.load(trustStore, password);
        List<TrustedKey> keys = new ArrayList<>();
        try {
            for (String alias : Collections.list(store.aliases())) {
                Certificate certificate = store.getCertificate(alias);
                if (certificate instanceof X509Certificate x509) {
                    keys.add(TrustedKey.of(PlatformCertificate.of(alias, x509)));
                }
            }
        } catch (KeyStoreException | IllegalArgumentException e) {
            throw new CipherDeviceException("cannot read trust store " + trustStore, e);
        }
        return new InMemoryKeyDirectory(keys);
    }

    @Override
    public Optional<TrustedKey> byKeyId(String keyId) {
        return Optional.ofNullable(byKeyId.get(keyId));
    }

    @Override
    public Optional<TrustedKey> byCertificateNumber(String certificateNumber) {
        return Optional.ofNullable(byCertificateNumber.get(normalise(certificateNumber)));
    }

    /** Key ids in this directory. */
    public Collection<String> keyIds() {
        return byKeyId.keySet();
    }

    // Certificate numbers are hex; partners write them in either case.
    private static String normalise(String certificateNumber) {
        return certificateNumber.toLowerCase(Locale.ROOT);
    }
}
