package cn.hnsw.passenger.certificate;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** Refusals about tax-paid certificates. */
public enum CertificateErrorCode implements EnumErrorCode {
    CERTIFICATE_NOT_FOUND(HttpStatus.NOT_FOUND, "完税证明不存在", "No such tax-paid certificate"),
    VERIFICATION_FAILED(HttpStatus.NOT_FOUND, "未找到该完税证明，证明可能是伪造的",
            "No certificate has this code; it may be forged"),
    CERTIFICATE_FONT_MISSING(HttpStatus.SERVICE_UNAVAILABLE, "完税证明字体缺失，暂无法生成证明",
            "The certificate font is missing; certificates cannot be produced now");

    private final ErrorText text;

    CertificateErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
