package cn.hnsw.common.crypto;

/**
 * 国密算法 — the Chinese commercial-cryptography algorithms this package uses, with their GM/T object identifiers.
 */
public enum SmAlgorithm {

    /** SM2 elliptic-curve public-key algorithm (GB/T 32918): signature and encryption on curve sm2p256v1. */
    SM2("1.2.156.10197.1.301"),
    /** SM3 hash (GB/T 32905), 256-bit digest. */
    SM3("1.2.156.10197.1.401"),
    /** SM4 block cipher (GB/T 32907), 128-bit key and block. */
    SM4("1.2.156.10197.1.104");

    private final String oid;

    SmAlgorithm(String oid) {
        this.oid = oid;
    }

    /** The GM/T object identifier, as written in certificates and ASN.1 structures. */
    public String oid() {
        return oid;
    }
}
