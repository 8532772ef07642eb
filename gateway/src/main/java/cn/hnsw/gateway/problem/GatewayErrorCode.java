package cn.hnsw.gateway.problem;

import org.springframework.http.HttpStatus;

/**
 * The error codes the gateway answers with. The shared ones carry the same code, status and wording as common-lib's
 * {@code CommonErrorCode}, so a client cannot tell (and need not care) whether the gateway or a service refused it;
 * the gateway cannot depend on common-lib (servlet), hence the copy.
 */
public enum GatewayErrorCode {
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "请求格式错误：{0}", "The request is malformed: {0}"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "未登录或登录已失效，请重新登录", "Not signed in, or the sign-in has expired"),
    ACCESS_DENIED(HttpStatus.FORBIDDEN, "无权执行此操作", "You are not allowed to do this"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "请求的资源不存在", "The requested resource does not exist"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "不支持该请求方法：{0}", "Method not supported: {0}"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "无法提供所要求的响应格式", "The requested response format is not available"),
    PAYLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "请求内容超过上限 {0}", "The request body exceeds the limit of {0}"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不支持的内容类型：{0}", "Unsupported content type: {0}"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "请求过于频繁，请 {0} 秒后重试", "Too many requests; retry in {0} s"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "系统内部错误，请凭请求编号联系运维人员",
            "Internal error; quote the request id to the operators"),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "服务暂时不可用，请稍后重试",
            "The service is temporarily unavailable; please try again later"),
    GATEWAY_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "服务响应超时，请稍后重试",
            "The service did not answer in time; please try again later");

    private final HttpStatus status;
    private final String messageZh;
    private final String messageEn;

    GatewayErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.status = status;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
    }

    public HttpStatus status() {
        return status;
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return messageEn;
    }
}
