package cn.hnsw.common.crypto;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bouncycastle.crypto.params.ECPrivateKeyParameters;

/**
 * 软件密码设备 — a software {@link CipherDevice} over a PKCS#12 key store of SM2 keys with their certificates
 * (the files {@link KeyStoreTool} writes). For development, tests and the partner simulators; production uses a
 * certified hardware device behind the same interface.
 *
 * <p>Keys are read once at load time; the object is immutable and thread-safe.
 */
public final class Pkcs12CipherDevice implements CipherDevice {

    private record Slot(ECPrivateKeyParameters privateKey, PlatformCertificate certificate, Sm2PublicKey publicKey) {

        @Override
        public String toString() {
            return "Slot[" + certificate.keyId() + "]"; // never print the private key
        }
    }

    private final Map<String, Slot> slots;

    private Pkcs12CipherDevice(Map<String, Slot> slots) {
        this.slots = Map.copyOf(slots);
    }

    /**
     * Loads every private-key entry of a PKCS#12 file (all under the store password); the alias is the key id.
     *
     * @throws CipherDeviceException when the file cannot be read, the password is wrong or a key is not SM2
     */
    public static Pkcs12CipherDevice load(Path file, char[] password) {
        return fromKeyStore(KeyStores.load(file, password), password);
    }

    /** Every private-key entry of an already loaded key store. */
    public static Pkcs12CipherDevice fromKeyStore(KeyStore store, char[] password) {
        Map<String, Slot> slots = new HashMap<>();
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                Key key = store.getKey(alias, password);
                Certificate certificate = store.getCertificate(alias);
                if (!(key instanceof PrivateKey privateKey) || !(certificate instanceof X509Certificate x509)) {
                    throw new CipherDeviceException("key store entry " + alias + " is not a private key with a certificate");
                }
                PlatformCertificate platformCertificate = PlatformCertificate.of(alias, x509);
                Sm2PublicKey publicKey = platformCertificate.publicKey();
                ECPrivateKeyParameters parameters = Sm2.privateKeyParameters(privateKey);
                if (!Sm2.DOMAIN.getG().multiply(parameters.getD()).normalize().equals(publicKey.parameters().getQ())) {
                    throw new CipherDeviceException("key store entry " + alias + ": private key does not match its certificate");
                }
                slots.put(alias, new Slot(parameters, platformCertificate, publicKey));
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new CipherDeviceException("cannot read SM2 keys from key store: " + e.getMessage(), e);
        }
        return new Pkcs12CipherDevice(slots);
    }

    @Override
    public Set<String> keyIds() {
        return slots.keySet();
    }

    @Override
    public byte[] sign(String keyId, byte[] data) {
        return Sm2.sign(slot(keyId).privateKey(), data);
    }

    @Override
    public byte[] decrypt(String keyId, byte[] ciphertext) {
        return Sm2.decrypt(slot(keyId).privateKey(), ciphertext);
    }

    @Override
    public Sm2PublicKey publicKey(String keyId) {
        return slot(keyId).publicKey();
    }

    @Override
    public String certificateNumber(String keyId) {
        return slot(keyId).certificate().certificateNumber();
    }

    @Override
    public Optional<X509Certificate> certificate(String keyId) {
        return Optional.of(slot(keyId).certificate().certificate());
    }

    /** The certificate of key {@code keyId} with its number, for publishing to partners. */
    public PlatformCertificate platformCertificate(String keyId) {
        return slot(keyId).certificate();
    }

    private Slot slot(String keyId) {
        Slot slot = slots.get(keyId);
        if (slot == null) {
            throw new CipherDeviceException("no private key with id " + keyId + " in this cipher device");
        }
        return slot;
    }

    @Override
    public String toString() {
        return "Pkcs12CipherDevice" + slots.keySet();
    }
}
