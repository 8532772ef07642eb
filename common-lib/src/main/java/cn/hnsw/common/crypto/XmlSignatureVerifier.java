package cn.hnsw.common.crypto;

import static cn.hnsw.common.crypto.XmlSignatureProfile.C14N;
import static cn.hnsw.common.crypto.XmlSignatureProfile.DSIG_NAMESPACE;
import static cn.hnsw.common.crypto.XmlSignatureProfile.ENVELOPED_SIGNATURE;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * 验签（XML） — verifies the enveloped SM2/SM3 signatures that {@link XmlSigner} and China E-Port produce.
 *
 * <p>Deliberately narrow, to leave no room for signature-wrapping: exactly one Signature, a child of the document
 * element; exactly one Reference with {@code URI=""}; exactly the enveloped-signature transform; C14N 1.0 without
 * comments; the SM2/SM3 URIs of one {@link XmlSignatureProfile}. The key is found by the certificate number in
 * {@code KeyName} in the key directory, never taken from the document; an embedded certificate must carry that
 * same key. Any change to the document outside the Signature element (comments excepted, as C14N drops them)
 * changes the digest.
 */
public final class XmlSignatureVerifier {

    private final KeyDirectory directory;

    public XmlSignatureVerifier(KeyDirectory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /**
     * Parses (DOCTYPE refused) and verifies.
     *
     * @throws XmlSignatureException for anything but a valid signature by a known key
     */
    public VerifiedXmlSignature verify(byte[] xml) {
        Document document;
        try {
            document = XmlDsig.parse(xml);
        } catch (IOException | SAXException | RuntimeException e) {
            throw new XmlSignatureException(RefusalCode.MALFORMED, "not a well-formed XML document", e);
        }
        return verify(document);
    }

    /**
     * Verifies the enveloped signature of a parsed, namespace-aware document (left unchanged).
     *
     * @throws XmlSignatureException for anything but a valid signature by a known key
     */
    public VerifiedXmlSignature verify(Document document) {
        NodeList signatures = document.getElementsByTagNameNS(DSIG_NAMESPACE, "Signature");
        if (signatures.getLength() != 1) {
            throw malformed(signatures.getLength() + " Signature elements, expected exactly one");
        }
        Element signature = (Element) signatures.item(0);
        if (signature.getParentNode() != document.getDocumentElement()) {
            throw malformed("the Signature must be a child of the document element");
        }

        List<Element> parts = children(signature);
        if (parts.size() != 3 || !isDs(parts.get(0), "SignedInfo") || !isDs(parts.get(1), "SignatureValue")
                || !isDs(parts.get(2), "KeyInfo")) {
            throw malformed("Signature must hold SignedInfo, SignatureValue and KeyInfo");
        }
        Element signedInfo = parts.get(0);
        List<Element> info = children(signedInfo);
        if (info.size() != 3 || !isDs(info.get(0), "CanonicalizationMethod") || !isDs(info.get(1), "SignatureMethod")
                || !isDs(info.get(2), "Reference")) {
            throw malformed("SignedInfo must hold CanonicalizationMethod, SignatureMethod and one Reference");
        }
        if (!C14N.equals(algorithm(info.get(0)))) {
            throw malformed("unsupported canonicalisation " + algorithm(info.get(0)));
        }
        XmlSignatureProfile profile = profileOf(algorithm(info.get(1)));

        Element reference = info.get(2);
        if (!reference.hasAttribute("URI") || !reference.getAttribute("URI").isEmpty()
                || reference.getAttributes().getLength() != 1) {
            throw malformed("the Reference must be URI=\"\" and nothing else");
        }
        List<Element> ref = children(reference);
        if (ref.size() != 3 || !isDs(ref.get(0), "Transforms") || !isDs(ref.get(1), "DigestMethod")
                || !isDs(ref.get(2), "DigestValue")) {
            throw malformed("Reference must hold Transforms, DigestMethod and DigestValue");
        }
        List<Element> transforms = children(ref.get(0));
        if (transforms.size() != 1 || !isDs(transforms.get(0), "Transform")
                || !ENVELOPED_SIGNATURE.equals(algorithm(transforms.get(0))) || !children(transforms.get(0)).isEmpty()) {
            throw malformed("the only transform allowed is enveloped-signature");
        }
        if (!profile.digestMethod().equals(algorithm(ref.get(1)))) {
            throw malformed("digest method " + algorithm(ref.get(1)) + " does not match " + profile);
        }
        byte[] digestValue = base64(ref.get(2), "DigestValue");
        byte[] signatureValue = base64(parts.get(1), "SignatureValue");

        String certificateNumber = keyName(parts.get(2));
        TrustedKey key = directory.byCertificateNumber(certificateNumber)
                .orElseThrow(() -> new XmlSignatureException(RefusalCode.UNKNOWN_SIGNER,
                        "certificate " + certificateNumber + " is not in the key directory"));
        checkEmbeddedCertificate(parts.get(2), key);

        byte[] digest = XmlDsig.referenceDigest(document, signature);
        if (!MessageDigest.isEqual(digest, digestValue)) {
            throw new XmlSignatureException(RefusalCode.TAMPERED, "document digest does not match DigestValue");
        }
        if (!Sm2.verify(key.publicKey(), XmlDsig.canonicalize(signedInfo), signatureValue)) {
            throw new XmlSignatureException(RefusalCode.TAMPERED, "SignatureValue does not verify");
        }
        return new VerifiedXmlSignature(key.keyId(), key.certificateNumber(), profile);
    }

    private static XmlSignatureProfile profileOf(String signatureMethod) {
        for (XmlSignatureProfile profile : XmlSignatureProfile.values()) {
            if (profile.signatureMethod().equals(signatureMethod)) {
                return profile;
            }
        }
        throw malformed("unsupported signature method " + signatureMethod);
    }

    private static String keyName(Element keyInfo) {
        List<Element> names = new ArrayList<>();
        for (Element child : children(keyInfo)) {
            if (isDs(child, "KeyName")) {
                names.add(child);
            } else if (!isDs(child, "X509Data")) {
                throw malformed("KeyInfo may hold only KeyName and X509Data");
            }
        }
        if (names.size() != 1) {
            throw malformed("KeyInfo must hold exactly one KeyName");
        }
        String name = leafText(names.get(0)).strip();
        if (name.isEmpty()) {
            throw malformed("empty KeyName");
        }
        return name;
    }

    /** An embedded certificate is informative only, but one that names another key is a forgery sign. */
    private static void checkEmbeddedCertificate(Element keyInfo, TrustedKey key) {
        for (Element data : children(keyInfo)) {
            if (!isDs(data, "X509Data")) {
                continue;
            }
            for (Element child : children(data)) {
                if (!isDs(child, "X509Certificate")) {
                    throw malformed("X509Data may hold only X509Certificate");
                }
                X509Certificate certificate;
                try {
                    certificate = (X509Certificate) CertificateFactory.getInstance("X.509", Sm2.PROVIDER)
                            .generateCertificate(new ByteArrayInputStream(base64(child, "X509Certificate")));
                } catch (CertificateException | RuntimeException e) {
                    throw new XmlSignatureException(RefusalCode.MALFORMED, "unreadable X509Certificate", e);
                }
                Sm2PublicKey embedded;
                try {
                    embedded = Sm2PublicKey.fromJca(certificate.getPublicKey());
                } catch (IllegalArgumentException e) {
                    throw new XmlSignatureException(RefusalCode.TAMPERED, "embedded certificate is not SM2", e);
                }
                if (!embedded.equals(key.publicKey())) {
                    throw new XmlSignatureException(RefusalCode.TAMPERED,
                            "embedded certificate does not carry the key of certificate " + key.certificateNumber());
                }
            }
        }
    }

    private static byte[] base64(Element element, String what) {
        // E-Port and other signers may wrap base64 at 76 characters; line breaks carry no meaning here.
        String text = leafText(element).replaceAll("\\s", "");
        try {
            return StrictBase64.decode(text);
        } catch (IllegalArgumentException e) {
            throw new XmlSignatureException(RefusalCode.MALFORMED, what + " is not base64", e);
        }
    }

    private static String algorithm(Element element) {
        return element.getAttribute("Algorithm");
    }

    private static boolean isDs(Element element, String localName) {
        return DSIG_NAMESPACE.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName());
    }

    /** The text of an element that must have no element children. */
    private static String leafText(Element element) {
        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            switch (child.getNodeType()) {
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> text.append(child.getNodeValue());
                case Node.COMMENT_NODE -> {
                    // dropped by C14N, so meaningless here too
                }
                default -> throw malformed(element.getLocalName() + " must hold only text");
            }
        }
        return text.toString();
    }

    /** Element children of a container element; text other than whitespace is refused. */
    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            switch (child.getNodeType()) {
                case Node.ELEMENT_NODE -> elements.add((Element) child);
                case Node.TEXT_NODE -> {
                    if (!child.getNodeValue().isBlank()) {
                        throw malformed("unexpected text in " + parent.getLocalName());
                    }
                }
                case Node.COMMENT_NODE -> {
                    // C14N without comments ignores them; so may we.
                }
                default -> throw malformed("unexpected node in " + parent.getLocalName());
            }
        }
        return elements;
    }

    private static XmlSignatureException malformed(String detail) {
        return new XmlSignatureException(RefusalCode.MALFORMED, detail);
    }
}
