package cn.hnsw.video.themes;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** Error codes of theme stores (数据主题库), their feeds, processing tasks, query pages and data services. */
public enum ThemeErrorCode implements EnumErrorCode {
    STORE_NOT_FOUND(HttpStatus.NOT_FOUND, "主题库不存在：{0}", "Theme store not found: {0}"),
    STORE_CODE_TAKEN(HttpStatus.CONFLICT, "主题库编码已存在：{0}", "Theme store code already in use: {0}"),
    STORE_IN_USE(HttpStatus.CONFLICT, "主题库仍有数据服务，不能删除（可停用）：{0}", "The theme store still has data services and cannot be deleted (disable it instead): {0}"),
    CATEGORY_INVALID(HttpStatus.BAD_REQUEST, "主题库类型不存在：{0}（见作业主题库类型管理）", "No such theme store type: {0} (see theme store type management)"),
    DATASET_INVALID(HttpStatus.BAD_REQUEST, "接入数据集无效：{0}", "Unknown dataset: {0}"),
    FIELD_INVALID(HttpStatus.BAD_REQUEST, "数据项无效：{0}", "Unknown field: {0}"),
    CONDITION_INVALID(HttpStatus.BAD_REQUEST, "处理条件无效：{0}", "Invalid condition: {0}"),
    FEED_NOT_FOUND(HttpStatus.NOT_FOUND, "主题库数据源不存在：{0}", "Theme store feed not found: {0}"),
    TASK_NOT_FOUND(HttpStatus.NOT_FOUND, "主题库数据处理任务不存在：{0}", "Theme store processing task not found: {0}"),
    TASK_DISABLED(HttpStatus.CONFLICT, "数据处理任务或其主题库已停用：{0}", "The processing task or its store is disabled: {0}"),
    NO_ANOMALY(HttpStatus.CONFLICT, "该任务没有待处置的异常", "The task has no open anomaly to handle"),
    PAGE_IN_USE(HttpStatus.CONFLICT, "查询页面仍被数据服务使用，不能删除：{0}", "The query page is used by a data service and cannot be deleted: {0}"),
    ROLES_INVALID(HttpStatus.BAD_REQUEST, "服务对象角色无效：{0}", "Invalid roles to serve: {0}"),
    PUSH_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "数据推送对象暂不可用：{0}", "The platform to push to is unavailable: {0}"),
    NOTE_MISSING(HttpStatus.BAD_REQUEST, "关闭异常须填写处置说明", "Closing an anomaly needs a note"),
    PAGE_NOT_FOUND(HttpStatus.NOT_FOUND, "主题库查询页面不存在：{0}", "Theme store query page not found: {0}"),
    SERVICE_NOT_FOUND(HttpStatus.NOT_FOUND, "主题库数据服务不存在：{0}", "Theme store data service not found: {0}"),
    SERVICE_CODE_TAKEN(HttpStatus.CONFLICT, "数据服务编码已存在：{0}", "Data service code already in use: {0}"),
    SERVICE_DISABLED(HttpStatus.CONFLICT, "数据服务或其主题库已停用：{0}", "The data service or its store is disabled: {0}"),
    SERVICE_FORBIDDEN(HttpStatus.FORBIDDEN, "您的角色不在该数据服务的服务对象之内", "Your roles are not among those this data service serves");

    private final ErrorText text;

    ThemeErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
