package cn.hnsw.customs.console;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** Refusals of 开放服务管理 and of its gate on the open interfaces. */
public enum OpenServiceErrorCode implements EnumErrorCode {
    OPEN_SERVICE_UNKNOWN(HttpStatus.BAD_REQUEST, "平台没有“{0}”这项服务", "The platform has no service {0}"),
    OPEN_SERVICE_EXISTS(HttpStatus.CONFLICT, "服务“{0}”已在服务清单中", "Service {0} is in the catalogue already"),
    OPEN_SERVICE_NOT_LISTED(HttpStatus.NOT_FOUND, "服务“{0}”不在服务清单中", "Service {0} is not in the catalogue"),
    OPEN_SERVICE_WITHDRAWN(HttpStatus.FORBIDDEN, "服务“{0}”已从服务清单撤下，暂停开通和调用",
            "Service {0} is off the catalogue: it is not enabled or called"),
    OPEN_SERVICE_INVALID(HttpStatus.BAD_REQUEST, "开放服务数据无效：{0}", "Invalid open-service data: {0}"),
    OPEN_SERVICE_VERSION_CONFLICT(HttpStatus.CONFLICT, "数据已被他人修改，请刷新后重试", "Changed by someone else; reload and retry"),
    SERVICE_USER_EXISTS(HttpStatus.CONFLICT, "企业“{0}”已是服务用户", "Enterprise {0} is a service user already"),
    SERVICE_USER_NOT_FOUND(HttpStatus.NOT_FOUND, "企业“{0}”不是服务用户", "Enterprise {0} is not a service user"),
    SERVICE_USER_SUSPENDED(HttpStatus.FORBIDDEN, "本企业的开放服务已被暂停", "Your enterprise's open services are suspended"),
    SERVICE_GRANT_EXISTS(HttpStatus.CONFLICT, "企业“{0}”已获“{1}”授权", "Enterprise {0} holds a grant of {1} already"),
    SERVICE_GRANT_NOT_FOUND(HttpStatus.NOT_FOUND, "企业“{0}”没有“{1}”的授权", "Enterprise {0} holds no grant of {1}"),
    SERVICE_NOT_GRANTED(HttpStatus.FORBIDDEN, "“{0}”须经授权方可使用，本企业没有有效授权",
            "{0} needs a grant and your enterprise holds no valid one");

    private final ErrorText text;

    OpenServiceErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
