package cn.hnsw.simulators.ledger;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** Refusals of the 金关二期 simulator's ledger operator requests; nothing is pushed. */
public enum LedgerSimulatorErrorCode implements EnumErrorCode {
    SIMPLIFIED_DECLARATION_INCOMPLETE(HttpStatus.BAD_REQUEST, "简化申报须填写账册编号和至少一行表体（{0}）",
            "A simplified declaration needs a ledger number and at least one line ({0})");

    private final ErrorText text;

    LedgerSimulatorErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
