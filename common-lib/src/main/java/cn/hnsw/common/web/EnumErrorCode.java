package cn.hnsw.common.web;

import org.springframework.http.HttpStatus;

/**
 * The shape of every service's error-code enum: the constant's name is the stable code, and each constant holds its
 * {@link ErrorText}. An enum then needs only its constants, one field and a constructor:
 * <pre>{@code
 * public enum DeclarationErrorCode implements EnumErrorCode {
 *     DECLARATION_NOT_EDITABLE(HttpStatus.CONFLICT, "申报单当前状态不可修改", "The declaration cannot be changed in its state");
 *
 *     private final ErrorText text;
 *
 *     DeclarationErrorCode(HttpStatus status, String messageZh, String messageEn) {
 *         this.text = new ErrorText(status, messageZh, messageEn);
 *     }
 *
 *     public ErrorText text() { return text; }
 * }
 * }</pre>
 */
public interface EnumErrorCode extends ErrorCode {

    /** Implemented by {@link Enum#name()}. */
    String name();

    ErrorText text();

    @Override
    default String code() {
        return name();
    }

    @Override
    default HttpStatus status() {
        return text().status();
    }

    @Override
    default String messageZh() {
        return text().messageZh();
    }

    @Override
    default String messageEn() {
        return text().messageEn();
    }
}
