package cn.hnsw.portsituation.basedata;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** Refusals of base-data maintenance. */
public enum BaseDataErrorCode implements EnumErrorCode {
    PORT_SCOPE(HttpStatus.FORBIDDEN, "您所在机构只能查看 {0} 的数据", "Your organisation sees the data of {0} only"),
    WATERS_CONFIRM_SCOPE(HttpStatus.FORBIDDEN, "您所在机构限于 {0}，水域须由指挥中心或管理员确认",
            "Your organisation is limited to {0}: water areas are confirmed by the command centre or an administrator"),
    IMPORT_SCOPE(HttpStatus.FORBIDDEN, "您所在机构限于 {0}，批量导入须由指挥中心或管理员进行",
            "Your organisation is limited to {0}: imports are made by the command centre or an administrator"),
    PORT_NOT_FOUND(HttpStatus.NOT_FOUND, "口岸 {0} 不存在", "Port {0} does not exist"),
    PORT_SITE_INVALID(HttpStatus.BAD_REQUEST, "口岸基础统计信息无效：{0}", "The port's site information is invalid: {0}"),
    FLOW_IMAGE_INVALID(HttpStatus.BAD_REQUEST, "动线图片无效：{0}", "The flow-line image is invalid: {0}"),
    FLOW_IMAGE_NOT_FOUND(HttpStatus.NOT_FOUND, "口岸 {0} 尚无 {1} 动线图片", "Port {0} has no {1} flow-line image yet"),
    STORAGE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "对象存储未配置，无法保存图片", "Object storage is not configured: the image cannot be kept"),
    CAMERA_NOT_FOUND(HttpStatus.NOT_FOUND, "摄像机 {0} 不存在", "Camera {0} does not exist"),
    CAMERA_INVALID(HttpStatus.BAD_REQUEST, "摄像机信息无效：{0}", "The camera is invalid: {0}"),
    CAMERA_CODE_TAKEN(HttpStatus.CONFLICT, "摄像机编号 {0} 已存在", "Camera code {0} is already taken"),
    CAMERA_IN_USE(HttpStatus.CONFLICT, "高点摄像机 {0} 仍有对应的低点摄像机，不能删除",
            "High-point camera {0} still has low-point cameras paired with it"),
    CAMERA_IMPORT_INVALID(HttpStatus.BAD_REQUEST, "导入文件有误，未导入任何数据：{0}",
            "The import file has errors; nothing was imported: {0}"),
    PORT_AREA_NOT_FOUND(HttpStatus.NOT_FOUND, "港区 {0} 不存在", "Port area {0} does not exist"),
    PORT_AREA_INVALID(HttpStatus.BAD_REQUEST, "港区信息无效：{0}", "The port area is invalid: {0}"),
    ZONE_NOT_FOUND(HttpStatus.NOT_FOUND, "区域 {0} 不存在", "Zone {0} does not exist"),
    ZONE_INVALID(HttpStatus.BAD_REQUEST, "区域信息无效：{0}", "The zone is invalid: {0}"),
    POINT_NOT_FOUND(HttpStatus.NOT_FOUND, "区域点位 {0} 不存在", "Zone point {0} does not exist"),
    POINT_INVALID(HttpStatus.BAD_REQUEST, "区域点位信息无效：{0}", "The zone point is invalid: {0}"),
    ROUTE_NOT_FOUND(HttpStatus.NOT_FOUND, "物流线路 {0} 不存在", "Logistics route {0} does not exist"),
    ROUTE_INVALID(HttpStatus.BAD_REQUEST, "物流线路信息无效：{0}", "The logistics route is invalid: {0}"),
    LABEL_NOT_FOUND(HttpStatus.NOT_FOUND, "场所标签 {0} 不存在", "Site label {0} does not exist"),
    LABEL_INVALID(HttpStatus.BAD_REQUEST, "场所标签信息无效：{0}", "The site label is invalid: {0}"),
    PLATFORM_NOT_FOUND(HttpStatus.NOT_FOUND, "联网平台 {0} 不存在", "Video platform {0} does not exist"),
    PLATFORM_INVALID(HttpStatus.BAD_REQUEST, "联网平台信息无效：{0}", "The video platform is invalid: {0}"),
    PLATFORM_DISABLED(HttpStatus.CONFLICT, "联网平台 {0} 已停用", "Video platform {0} is disabled"),
    PLATFORM_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "联网平台 {0} 暂时无法访问，请稍后重试",
            "Video platform {0} cannot be reached now; try again later"),
    PLATFORM_REFUSED(HttpStatus.BAD_GATEWAY, "联网平台 {0} 拒绝了查询：{1}", "Video platform {0} refused the query: {1}"),
    VIDEO_QUERY_INVALID(HttpStatus.BAD_REQUEST, "视频查询无效：{0}", "The video query is invalid: {0}"),
    RECORD_NOT_FOUND(HttpStatus.NOT_FOUND, "{0} {1} 不存在", "{0} {1} does not exist"),
    ADMIN_INVALID(HttpStatus.BAD_REQUEST, "权限、菜单或日志查询无效：{0}",
            "The permission, menu or log request is invalid: {0}"),
    CODE_TAKEN(HttpStatus.CONFLICT, "编号 {0} 已存在", "Code {0} is already taken"),
    IN_USE(HttpStatus.CONFLICT, "{0} 仍被引用（{1}），不能删除", "{0} is still in use ({1}) and cannot be deleted"),
    IMPORT_INVALID(HttpStatus.BAD_REQUEST, "导入文件有误，未导入任何数据：{0}",
            "The import file has errors; nothing was imported: {0}");

    private final ErrorText text;

    BaseDataErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
