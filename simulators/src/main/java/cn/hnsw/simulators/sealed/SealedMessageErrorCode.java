package cn.hnsw.simulators.sealed;

import cn.hnsw.common.partner.SealRefusalError;
import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/**
 * Why a simulated partner did not answer a sealed message, besides the seal refusals ({@link SealRefusalError}).
 * Messages take {0} = the partner's Chinese name and {1} = its English name.
 */
public enum SealedMessageErrorCode implements EnumErrorCode {
    /** Switched off, in an outage window, or struck by the failure rate in UNAVAILABLE mode. */
    PARTNER_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "合作方系统 {0} 暂不可用（模拟故障），请稍后重试",
            "The partner system {1} is unavailable (simulated fault); try again later"),
    /** The simulator holds no key for the partner: the local stack did not generate or pass it. */
    PARTNER_KEYS_MISSING(HttpStatus.SERVICE_UNAVAILABLE, "合作方系统 {0} 未配置密钥，无法验签解密",
            "The partner system {1} has no key configured and cannot open sealed messages"),
    /** The content type names neither sealed-envelope form. */
    ENVELOPE_FORM_UNSUPPORTED(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "报文须为 JSON（application/json）或 XML（application/xml）",
            "The envelope must be JSON (application/json) or XML (application/xml)"),
    /** The key store or replay guard failed: not the sender's fault, so a retry may succeed. */
    SEALING_FAILED(HttpStatus.SERVICE_UNAVAILABLE, "合作方系统 {0} 的密码服务暂时故障，请稍后重试",
            "The cryptographic service of partner system {1} failed; try again later");

    private final ErrorText text;

    SealedMessageErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
