package cn.hnsw.common.crypto;

/**
 * Algorithm URIs of an SM2/SM3 enveloped XML signature. There is no W3C URI for SM2 or SM3, so China E-Port
 * coined its own: the older messages write them in the W3C namespace ({@code xmldsig#sm2-sm3}); a later China
 * E-Port client names them under {@code www.chinaport.gov.cn/2022/04/}. Signing uses one profile; verifying accepts
 * either, provided the signature and digest URIs come from the same one.
 */
public enum XmlSignatureProfile {

    /** {@code http://www.w3.org/2000/09/xmldsig#sm2-sm3} with digest {@code http://www.w3.org/2000/09/xmldsig#sm3}. */
    EPORT_W3C_NAMESPACE("http://www.w3.org/2000/09/xmldsig#sm2-sm3", "http://www.w3.org/2000/09/xmldsig#sm3"),
    /** The 2022 China E-Port URIs. */
    EPORT_2022("http://www.chinaport.gov.cn/2022/04/xmldsig#sm2-sm3", "http://www.chinaport.gov.cn/2022/04/xmldsig#sm3");

    /** Inclusive Canonical XML 1.0 without comments. */
    public static final String C14N = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";
    public static final String ENVELOPED_SIGNATURE = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
    public static final String DSIG_NAMESPACE = "http://www.w3.org/2000/09/xmldsig#";

    private final String signatureMethod;
    private final String digestMethod;

    XmlSignatureProfile(String signatureMethod, String digestMethod) {
        this.signatureMethod = signatureMethod;
        this.digestMethod = digestMethod;
    }

    public String signatureMethod() {
        return signatureMethod;
    }

    public String digestMethod() {
        return digestMethod;
    }
}
