package cn.hnsw.common.web;

import org.springframework.http.HttpStatus;

/** Error codes every service shares. */
public enum CommonErrorCode implements EnumErrorCode {
    VALIDATION_FAILED(HttpStatus.BAD_REQUEST, "请求数据校验未通过", "The request did not pass validation"),
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "请求格式错误：{0}", "The request is malformed: {0}"),
    MISSING_PARAMETER(HttpStatus.BAD_REQUEST, "缺少必填参数：{0}", "Required parameter is missing: {0}"),
    INVALID_PARAMETER(HttpStatus.BAD_REQUEST, "参数 {0} 的值无效", "The value of parameter {0} is invalid"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "未登录或登录已失效，请重新登录", "Not signed in, or the sign-in has expired"),
    ACCESS_DENIED(HttpStatus.FORBIDDEN, "无权执行此操作", "You are not allowed to do this"),
    ENTERPRISE_SCOPE_VIOLATION(HttpStatus.FORBIDDEN, "无权访问其他企业的数据", "You may not access another enterprise's data"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "请求的资源不存在", "The requested resource does not exist"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "不支持该请求方法：{0}", "Method not supported: {0}"),
    CONFLICT(HttpStatus.CONFLICT, "数据已被修改或状态不允许此操作", "The data changed or its state does not allow this"),
    PAYLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "请求内容超过上限 {0}", "The request body exceeds the limit of {0}"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不支持的内容类型：{0}", "Unsupported content type: {0}"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "无法提供所要求的响应格式", "The requested response format is not available"),
    REQUEST_TIMEOUT(HttpStatus.SERVICE_UNAVAILABLE, "请求处理超时，请稍后重试", "The request timed out; try again later"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "系统内部错误，请凭请求编号联系运维人员", "Internal error; quote the request id to the operators");

    private final ErrorText text;

    CommonErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
