package cn.hnsw.passenger.declaration;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** Why a verified customs receipt cannot be applied to its declaration (it then goes to the failed-receipt list). */
public enum ReceiptRefusal implements EnumErrorCode {
    RECEIPT_STALE(HttpStatus.CONFLICT, "回执对应申报版本 {0}，当前版本为 {1}", "The receipt answers revision {0}, the declaration is at {1}"),
    RECEIPT_NOT_APPLICABLE(HttpStatus.CONFLICT, "回执结论 {0} 不适用于当前状态 {1}", "Decision {0} does not apply in state {1}"),
    RECEIPT_UNCORRELATED(HttpStatus.NOT_FOUND, "回执的会话号 {0} 找不到对应申报单", "No declaration has conversation id {0}");

    private final ErrorText text;

    ReceiptRefusal(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
