package cn.hnsw.common.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.Map;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * PKCS#12 files and self-signed SM2/SM3 certificates for the software cipher device, the trust store and the
 * key-store tool. BouncyCastle's PKCS#12 is used because the JDK's cannot load keys on sm2p256v1.
 */
final class KeyStores {

    /**
     * BouncyCastle's default PKCS#12 (keys under PBE-SHA1-3DES, integrity by HMAC-SHA1). Its AES-256 variant
     * ("PKCS12-AES256-AES128") needs BouncyCastle registered as a global JCA provider, which this library leaves to
     * the application; the software device is for development and simulators, production keys live in hardware.
     */
    private static final String WRITE_TYPE = "PKCS12";
    private static final String READ_TYPE = "PKCS12";
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyStores() {
    }

    /** A fresh SM2 key pair with a self-signed SM3withSM2 certificate whose subject CN is the key id. */
    static Sm2Identity generateIdentity(String keyId, String organisation, Duration validity, Clock clock) {
        KeyPair keyPair = Sm2.generateKeyPair();
        return new Sm2Identity(keyId, keyPair, selfSignedCertificate(keyId, organisation, keyPair, validity, clock));
    }

    static X509Certificate selfSignedCertificate(String keyId, String organisation, KeyPair keyPair, Duration validity,
                                                 Clock clock) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "CN")
                .addRDN(BCStyle.O, organisation)
                .addRDN(BCStyle.CN, keyId)
                .build();
        // 64 random bits, never zero or negative: the serial is the certificate number partners quote.
        BigInteger serial = new BigInteger(63, RANDOM).setBit(62);
        Instant notBefore = clock.instant().minus(Duration.ofMinutes(5)); // tolerate a partner's slow clock
        Instant notAfter = clock.instant().plus(validity);
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial, Date.from(notBefore),
                    Date.from(notAfter), subject, keyPair.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            // One key pair signs and unwraps message keys; a dual-certificate (签名/加密) set-up uses two key ids.
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation | KeyUsage.keyEncipherment
                            | KeyUsage.dataEncipherment));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(keyPair.getPublic()));
            ContentSigner signer = new JcaContentSignerBuilder("SM3WITHSM2").setProvider(Sm2.PROVIDER)
                    .build(keyPair.getPrivate());
            return new JcaX509CertificateConverter().setProvider(Sm2.PROVIDER).getCertificate(builder.build(signer));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot create SM2 certificate for " + keyId, e);
        }
    }

    static KeyStore load(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(READ_TYPE, Sm2.PROVIDER);
            store.load(in, password);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            // A wrong password surfaces as an IOException from load(); never echo the password.
            throw new CipherDeviceException("cannot read key store " + file + ": " + e.getMessage(), e);
        }
    }

    static KeyStore newStore() {
        try {
            KeyStore store = KeyStore.getInstance(WRITE_TYPE, Sm2.PROVIDER);
            store.load(null, null);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("BouncyCastle PKCS#12 unavailable", e);
        }
    }

    /** A key store holding each identity's private key and certificate under its key id. */
    static KeyStore privateStore(Collection<Sm2Identity> identities, char[] password) {
        KeyStore store = newStore();
        try {
            for (Sm2Identity identity : identities) {
                store.setKeyEntry(identity.keyId(), identity.keyPair().getPrivate(), password,
                        new Certificate[] {identity.certificate()});
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot add key entry", e);
        }
        return store;
    }

    /** A trust store: certificates only, the key id as alias. */
    static KeyStore trustStore(Map<String, X509Certificate> certificates) {
        KeyStore store = newStore();
        try {
            for (Map.Entry<String, X509Certificate> entry : certificates.entrySet()) {
                store.setCertificateEntry(entry.getKey(), entry.getValue());
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot add certificate entry", e);
        }
        return store;
    }

    /** Writes atomically (temp file, then move) so a crash never leaves half a key store. */
    static void write(KeyStore store, Path file, char[] password) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                store.store(out, password);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | GeneralSecurityException e) {
            throw new CipherDeviceException("cannot write key store " + file, e);
        }
    }
}
