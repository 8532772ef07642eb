package cn.hnsw.portsituation.cargo;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** Refusals of the container yard view. */
public enum CargoErrorCode implements EnumErrorCode {
    YARD_QUERY_INVALID(HttpStatus.BAD_REQUEST, "堆场查询无效：{0}", "The yard query is invalid: {0}"),
    CONTAINER_NOT_FOUND(HttpStatus.NOT_FOUND, "没有集装箱 {0} 的位置记录", "No position of container {0} was reported");

    private final ErrorText text;

    CargoErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
