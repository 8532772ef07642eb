package cn.hnsw.common.crypto;

/**
 * The outcome of a successful XML signature verification.
 *
 * @param keyId             the signer's key id in the key directory
 * @param certificateNumber 证书编号 from {@code KeyName}
 * @param profile           which URIs the signature used
 */
public record VerifiedXmlSignature(String keyId, String certificateNumber, XmlSignatureProfile profile) {
}
