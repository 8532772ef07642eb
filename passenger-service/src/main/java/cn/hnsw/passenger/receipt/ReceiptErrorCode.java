package cn.hnsw.passenger.receipt;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** Refusals of the receipt inbox and the failed-receipt list. */
public enum ReceiptErrorCode implements EnumErrorCode {
    RECEIPT_INVALID(HttpStatus.BAD_REQUEST, "回执内容不合法：{0}", "The receipt is invalid: {0}"),
    RECEIPT_NOT_FOUND(HttpStatus.NOT_FOUND, "回执不存在", "No such receipt"),
    RECEIPT_NOT_FAILED(HttpStatus.CONFLICT, "该回执不在失败列表中", "The receipt is not on the failed list");

    private final ErrorText text;

    ReceiptErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
