package cn.hnsw.portsituation.ais;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** Error codes of AIS tracking and watch areas. */
public enum AisErrorCode implements EnumErrorCode {
    VESSEL_NOT_FOUND(HttpStatus.NOT_FOUND, "未找到 MMSI 为 {0} 的船舶", "No vessel with MMSI {0}"),
    WATCH_AREA_NOT_FOUND(HttpStatus.NOT_FOUND, "监控水域 {0} 不存在", "Watch area {0} does not exist"),
    WATCH_AREA_CODE_TAKEN(HttpStatus.CONFLICT, "监控水域编码 {0} 已存在", "Watch area code {0} is already in use"),
    WATCH_AREA_POLYGON_INVALID(HttpStatus.BAD_REQUEST, "监控水域多边形无效：{0}", "The watch area polygon is invalid: {0}"),
    WATCH_AREA_SPEED_LIMIT_REQUIRED(HttpStatus.BAD_REQUEST, "航道必须设置限速（节）",
            "A channel needs a speed limit in knots"),
    TRACK_RANGE_INVALID(HttpStatus.BAD_REQUEST, "轨迹查询时间范围无效：开始时间须早于结束时间，且不超过 7 天",
            "The track time range is invalid: from must be before to, and at most 7 days apart");

    private final ErrorText text;

    AisErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
