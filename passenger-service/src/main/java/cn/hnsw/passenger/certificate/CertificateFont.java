package cn.hnsw.passenger.certificate;

import cn.hnsw.common.pdf.CjkFont;
import org.springframework.stereotype.Component;

/** The CJK font of the tax-paid certificate (common-lib's {@link CjkFont}, from passenger-service/fonts). */
@Component
public class CertificateFont extends CjkFont {

    public CertificateFont() {
        super(CertificateErrorCode.CERTIFICATE_FONT_MISSING, "passenger-service/fonts");
    }
}
