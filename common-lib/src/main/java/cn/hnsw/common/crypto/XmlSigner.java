package cn.hnsw.common.crypto;

import static cn.hnsw.common.crypto.XmlSignatureProfile.C14N;
import static cn.hnsw.common.crypto.XmlSignatureProfile.DSIG_NAMESPACE;
import static cn.hnsw.common.crypto.XmlSignatureProfile.ENVELOPED_SIGNATURE;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * 报文加签（XML） — China E-Port style enveloped XML signature with SM2/SM3:
 *
 * <pre>
 * &lt;ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"&gt;
 *   &lt;ds:SignedInfo&gt;
 *     &lt;ds:CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/&gt;
 *     &lt;ds:SignatureMethod Algorithm="http://www.w3.org/2000/09/xmldsig#sm2-sm3"/&gt;
 *     &lt;ds:Reference URI=""&gt;
 *       &lt;ds:Transforms&gt;&lt;ds:Transform Algorithm="…#enveloped-signature"/&gt;&lt;/ds:Transforms&gt;
 *       &lt;ds:DigestMethod Algorithm="http://www.w3.org/2000/09/xmldsig#sm3"/&gt;
 *       &lt;ds:DigestValue&gt;base64 SM3&lt;/ds:DigestValue&gt;
 *     &lt;/ds:Reference&gt;
 *   &lt;/ds:SignedInfo&gt;
 *   &lt;ds:SignatureValue&gt;base64 of r||s (64 bytes)&lt;/ds:SignatureValue&gt;
 *   &lt;ds:KeyInfo&gt;&lt;ds:KeyName&gt;certificate number&lt;/ds:KeyName&gt;[&lt;ds:X509Data&gt;…]&lt;/ds:KeyInfo&gt;
 * &lt;/ds:Signature&gt;
 * </pre>
 *
 * The Signature element is appended as the last child of the document element. C14N is Santuario's; the digest and
 * the signature are computed here because the JDK's XML-DSig has no SM2. The signature is SM2 with the default user
 * id {@value Sm2#DEFAULT_USER_ID} over the canonical SignedInfo (see docs/crypto.md on that choice).
 */
public final class XmlSigner {

    private final CipherDevice device;
    private final XmlSignatureProfile profile;

    public XmlSigner(CipherDevice device) {
        this(device, XmlSignatureProfile.EPORT_W3C_NAMESPACE);
    }

    public XmlSigner(CipherDevice device, XmlSignatureProfile profile) {
        this.device = Objects.requireNonNull(device, "device");
        this.profile = Objects.requireNonNull(profile, "profile");
    }

    /**
     * Signs a document given as bytes and returns it serialised (C14N with comments, no XML declaration).
     *
     * @throws IllegalArgumentException when the bytes are not XML (a DOCTYPE is refused too) or already signed
     */
    public byte[] sign(byte[] xml, String keyId, boolean includeCertificate) {
        Document document;
        try {
            document = XmlDsig.parse(xml);
        } catch (IOException | SAXException e) {
            throw new IllegalArgumentException("not a well-formed XML document", e);
        }
        sign(document, keyId, includeCertificate);
        return XmlDsig.serialize(document);
    }

    /**
     * Adds an enveloped signature by key {@code keyId} to {@code document} (in place).
     *
     * @param includeCertificate also put the signer's certificate in {@code X509Data}, if the device has it
     * @throws IllegalArgumentException when the document already carries a signature
     * @throws CipherDeviceException    when the device does not hold {@code keyId}
     */
    public void sign(Document document, String keyId, boolean includeCertificate) {
        Element root = document.getDocumentElement();
        if (document.getElementsByTagNameNS(DSIG_NAMESPACE, "Signature").getLength() > 0) {
            throw new IllegalArgumentException("document already carries an XML signature");
        }
        String certificateNumber = device.certificateNumber(keyId);
        Optional<X509Certificate> certificate = includeCertificate ? device.certificate(keyId) : Optional.empty();

        // The digest of the document before the Signature exists equals the enveloped-transform digest after.
        byte[] digest = XmlDsig.referenceDigest(document, null);

        Element signature = ds(document, "Signature");
        signature.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:ds", DSIG_NAMESPACE);
        Element signedInfo = append(signature, ds(document, "SignedInfo"));
        append(signedInfo, ds(document, "CanonicalizationMethod")).setAttribute("Algorithm", C14N);
        append(signedInfo, ds(document, "SignatureMethod")).setAttribute("Algorithm", profile.signatureMethod());
        Element reference = append(signedInfo, ds(document, "Reference"));
        reference.setAttribute("URI", "");
        Element transforms = append(reference, ds(document, "Transforms"));
        append(transforms, ds(document, "Transform")).setAttribute("Algorithm", ENVELOPED_SIGNATURE);
        append(reference, ds(document, "DigestMethod")).setAttribute("Algorithm", profile.digestMethod());
        append(reference, ds(document, "DigestValue")).setTextContent(Base64.getEncoder().encodeToString(digest));
        Element signatureValue = append(signature, ds(document, "SignatureValue"));
        Element keyInfo = append(signature, ds(document, "KeyInfo"));
        append(keyInfo, ds(document, "KeyName")).setTextContent(certificateNumber);
        if (certificate.isPresent()) {
            Element x509Data = append(keyInfo, ds(document, "X509Data"));
            append(x509Data, ds(document, "X509Certificate")).setTextContent(encode(certificate.get()));
        }
        root.appendChild(signature);

        // SignedInfo is canonicalised in place: inclusive C14N pulls in the namespaces in scope from its ancestors.
        byte[] signedInfoBytes = XmlDsig.canonicalize(signedInfo);
        byte[] value = device.sign(keyId, signedInfoBytes);
        signatureValue.setTextContent(Base64.getEncoder().encodeToString(value));
    }

    private static Element ds(Document document, String name) {
        return document.createElementNS(DSIG_NAMESPACE, "ds:" + name);
    }

    private static Element append(Element parent, Element child) {
        parent.appendChild(child);
        return child;
    }

    private static String encode(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode certificate", e);
        }
    }
}
