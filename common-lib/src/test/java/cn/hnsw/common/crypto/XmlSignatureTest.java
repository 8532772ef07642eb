package cn.hnsw.common.crypto;

import static cn.hnsw.common.crypto.CryptoFixtures.CUSTOMS;
import static cn.hnsw.common.crypto.CryptoFixtures.CUSTOMS_DEVICE;
import static cn.hnsw.common.crypto.CryptoFixtures.DIRECTORY;
import static cn.hnsw.common.crypto.CryptoFixtures.PLATFORM;
import static cn.hnsw.common.crypto.CryptoFixtures.PLATFORM_DEVICE;
import static cn.hnsw.common.crypto.CryptoFixtures.STRANGER;
import static cn.hnsw.common.crypto.CryptoFixtures.STRANGER_DEVICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class XmlSignatureTest {

    private static final byte[] ORDER = resource("/crypto/ceb311-order.xml");

    private final XmlSignatureVerifier verifier = new XmlSignatureVerifier(DIRECTORY);

    @Test
    void signedDocumentVerifiesWithTheSignersCertificateNumber() {
        byte[] signed = new XmlSigner(PLATFORM_DEVICE).sign(ORDER, PLATFORM, true);
        String text = new String(signed, StandardCharsets.UTF_8);

        VerifiedXmlSignature result = verifier.verify(signed);

        assertThat(result.keyId()).isEqualTo(PLATFORM);
        assertThat(result.certificateNumber()).isEqualTo(PLATFORM_DEVICE.certificateNumber(PLATFORM));
        assertThat(result.profile()).isEqualTo(XmlSignatureProfile.EPORT_W3C_NAMESPACE);
        assertThat(text)
                .contains("<ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/TR/2001/REC-xml-c14n-20010315\">")
                .contains("<ds:SignatureMethod Algorithm=\"http://www.w3.org/2000/09/xmldsig#sm2-sm3\">")
                .contains("<ds:Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\">")
                .contains("<ds:DigestMethod Algorithm=\"http://www.w3.org/2000/09/xmldsig#sm3\">")
                .contains("<ds:KeyName>" + PLATFORM_DEVICE.certificateNumber(PLATFORM) + "</ds:KeyName>")
                .contains("<ds:X509Certificate>")
                .endsWith("</ds:Signature></ceb:CEB311Message>");
        String signatureValue = text.replaceAll("(?s).*<ds:SignatureValue>([^<]*)</ds:SignatureValue>.*", "$1");
        assertThat(Base64.getDecoder().decode(signatureValue)).hasSize(64);
    }

    @Test
    void chinaPort2022ProfileAndNoCertificateVerifyToo() {
        byte[] signed = new XmlSigner(CUSTOMS_DEVICE, XmlSignatureProfile.EPORT_2022).sign(ORDER, CUSTOMS, false);

        VerifiedXmlSignature result = verifier.verify(signed);

        assertThat(result.keyId()).isEqualTo(CUSTOMS);
        assertThat(result.profile()).isEqualTo(XmlSignatureProfile.EPORT_2022);
        assertThat(new String(signed, StandardCharsets.UTF_8)).doesNotContain("X509Data");
    }

    @Test
    void reformattingThatC14nIgnoresStillVerifies() {
        String signed = new String(new XmlSigner(PLATFORM_DEVICE).sign(ORDER, PLATFORM, false), StandardCharsets.UTF_8);
        // Attribute quotes and the XML declaration are not part of the canonical form; comments are dropped by it.
        String reformatted = signed.replaceFirst("^<\\?xml[^>]*\\?>", "")
                .replace("version=\"1.0\">", "version='1.0'>").replace("(sample, not a real order)", "(edited)");
        assertThat(reformatted).isNotEqualTo(signed).doesNotStartWith("<?xml");

        assertThat(verifier.verify(reformatted.getBytes(StandardCharsets.UTF_8)).keyId()).isEqualTo(PLATFORM);
    }

    @Test
    void tamperingAnywhereOutsideTheSignatureIsRefused() {
        String signed = new String(new XmlSigner(PLATFORM_DEVICE).sign(ORDER, PLATFORM, true), StandardCharsets.UTF_8);

        assertTampered(signed.replace("1288.00", "128.00"));
        assertTampered(signed.replace("李娜", "李明"));
        assertTampered(signed.replace("guid=\"4CDE", "guid=\"5CDE"));
        assertTampered(signed.replace("version=\"1.0\">", "version=\"1.0\" extra=\"x\">"));
        assertTampered(signed.replace("<ceb:qty>1</ceb:qty>", "<ceb:qty>1</ceb:qty><ceb:qty>2</ceb:qty>"));
        assertTampered(signed.replace("<ceb:unit>011</ceb:unit>", ""));
        assertTampered(signed.replace("<ceb:gnum>1</ceb:gnum>", "<ceb:gnum>1</ceb:gnum> "));
        assertTampered(signed.replace("xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\"", "xmlns:ceb=\"http://example.com/ceb\""));
    }

    @Test
    void tamperingInsideTheSignatureIsRefused() {
        String signed = new String(new XmlSigner(PLATFORM_DEVICE).sign(ORDER, PLATFORM, true), StandardCharsets.UTF_8);
        String digest = between(signed, "<ds:DigestValue>", "</ds:DigestValue>");
        String value = between(signed, "<ds:SignatureValue>", "</ds:SignatureValue>");
        byte[] otherDigest = Base64.getDecoder().decode(digest);
        otherDigest[0] ^= 1;
        byte[] otherValue = Base64.getDecoder().decode(value);
        otherValue[10] ^= 1;

        assertTampered(signed.replace(digest, Base64.getEncoder().encodeToString(otherDigest)));
        assertTampered(signed.replace(value, Base64.getEncoder().encodeToString(otherValue)));
        // The embedded certificate belongs to another key than the KeyName says.
        String otherCertificate = Base64.getEncoder().encodeToString(encoded(CUSTOMS_DEVICE, CUSTOMS));
        assertTampered(signed.replace(between(signed, "<ds:X509Certificate>", "</ds:X509Certificate>"), otherCertificate));
        // DigestValue and SignatureValue must be base64 of what they claim.
        assertRefused(signed.replace(value, "not base64!"), RefusalCode.MALFORMED);
    }

    @Test
    void keyNameOfAnotherKnownSignerIsRefusedAsTampered() {
        String signed = new String(new XmlSigner(PLATFORM_DEVICE).sign(ORDER, PLATFORM, false), StandardCharsets.UTF_8);
        String forged = signed.replace(PLATFORM_DEVICE.certificateNumber(PLATFORM), CUSTOMS_DEVICE.certificateNumber(CUSTOMS));

        assertTampered(forged);
    }

    @Test
    void unknownSignerIsRefused() {
        byte[] signed = new XmlSigner(STRANGER_DEVICE).sign(ORDER, STRANGER, true);

        assertRefused(new String(signed, StandardCharsets.UTF_8), RefusalCode.UNKNOWN_SIGNER);
    }

    @Test
    void unsupportedOrWrappedStructuresAreRefused() {
        String signed = new String(new XmlSigner(PLATFORM_DEVICE).sign(ORDER, PLATFORM, false), StandardCharsets.UTF_8);
        String signature = signed.substring(signed.indexOf("<ds:Signature "), signed.indexOf("</ds:Signature>") + 15);

        assertRefused(new String(ORDER, StandardCharsets.UTF_8), RefusalCode.MALFORMED); // unsigned
        assertRefused(signed.replace("xmldsig#sm2-sm3", "xmldsig#rsa-sha1"), RefusalCode.MALFORMED);
        assertRefused(signed.replace("xmldsig#sm3\"", "xmldsig#sha1\""), RefusalCode.MALFORMED);
        assertRefused(signed.replace("REC-xml-c14n-20010315", "REC-xml-c14n-20010315#WithComments"), RefusalCode.MALFORMED);
        assertRefused(signed.replace("URI=\"\"", "URI=\"#order\""), RefusalCode.MALFORMED);
        assertRefused(signed.replace("</ds:Transforms>",
                "<ds:Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"></ds:Transform></ds:Transforms>"),
                RefusalCode.MALFORMED);
        // A second signature, or the only one moved deeper (signature wrapping), is refused.
        assertRefused(signed.replace("</ceb:CEB311Message>", signature + "</ceb:CEB311Message>"), RefusalCode.MALFORMED);
        assertRefused(signed.replace(signature, "").replace("</ceb:Order>", signature + "</ceb:Order>"), RefusalCode.MALFORMED);
        assertRefused("<!DOCTYPE x [<!ENTITY e \"e\">]>" + signed, RefusalCode.MALFORMED);
        assertRefused("not xml", RefusalCode.MALFORMED);
    }

    @Test
    void signingTwiceIsRefused() {
        byte[] signed = new XmlSigner(PLATFORM_DEVICE).sign(ORDER, PLATFORM, false);
        assertThatThrownBy(() -> new XmlSigner(PLATFORM_DEVICE).sign(signed, PLATFORM, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void assertTampered(String xml) {
        assertRefused(xml, RefusalCode.TAMPERED);
    }

    private void assertRefused(String xml, RefusalCode code) {
        ThrowingCallable call = () -> verifier.verify(xml.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(call).isInstanceOfSatisfying(XmlSignatureException.class,
                e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(code));
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    private static byte[] encoded(CipherDevice device, String keyId) {
        try {
            return device.certificate(keyId).orElseThrow().getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = XmlSignatureTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
