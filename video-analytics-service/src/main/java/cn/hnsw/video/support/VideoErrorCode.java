package cn.hnsw.video.support;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** Error codes of the video-analytics service (视频分析), with Chinese and English messages. */
public enum VideoErrorCode implements EnumErrorCode {
    CAMERA_NOT_FOUND(HttpStatus.NOT_FOUND, "摄像机不存在：{0}", "Camera not found: {0}"),
    DEVICE_CODE_TAKEN(HttpStatus.CONFLICT, "设备编码已存在：{0}", "Device code already registered: {0}"),
    DEVICE_CODE_MISSING(HttpStatus.UNPROCESSABLE_ENTITY, "人脸数据清洗：设备编码不能为空", "Face data cleansing: the device code must not be empty"),
    CAPTURE_TIME_MISSING(HttpStatus.UNPROCESSABLE_ENTITY, "人脸数据清洗：抓拍时间不能为空", "Face data cleansing: the capture time must not be empty"),
    IMAGE_UNREADABLE(HttpStatus.UNPROCESSABLE_ENTITY, "图片无法解析（支持 JPEG、PNG、BMP）", "The image cannot be read (JPEG, PNG or BMP)"),
    NO_FACE(HttpStatus.UNPROCESSABLE_ENTITY, "图片中未检测到人脸", "No face was found in the image"),
    MULTIPLE_FACES(HttpStatus.UNPROCESSABLE_ENTITY, "图片中有 {0} 张人脸，入库照片只能有一张", "The image shows {0} faces; an enrolment photo must show exactly one"),
    PERSON_CODE_TAKEN(HttpStatus.CONFLICT, "“一人一码”已存在：{0}", "Person code already in the face base library: {0}"),
    FACE_RECORD_NOT_FOUND(HttpStatus.NOT_FOUND, "人脸基础信息不存在：{0}", "Face base record not found: {0}"),
    TASK_NOT_FOUND(HttpStatus.NOT_FOUND, "布控任务不存在：{0}", "Watch-list task not found: {0}"),
    TASK_STATE_INVALID(HttpStatus.CONFLICT, "布控任务当前状态为 {0}，不能执行“{1}”", "The watch-list task is {0}; it cannot be {1}"),
    NOT_TASK_SUBMITTER(HttpStatus.FORBIDDEN, "只有提交人或平台管理员可以删除布控任务", "Only the submitter or a platform administrator can delete a watch-list task"),
    NOT_REVISION_SUBMITTER(HttpStatus.FORBIDDEN, "只有提交人可以修改待审核的布控任务", "Only the submitter can revise a watch-list task awaiting review"),
    SELF_REVIEW(HttpStatus.FORBIDDEN, "审核人不能审核自己提交的申请", "A reviewer cannot review their own request"),
    TASK_WITHOUT_TARGETS(HttpStatus.UNPROCESSABLE_ENTITY, "布控任务至少需要一个布控对象", "A watch-list task needs at least one target"),
    TASK_WITHOUT_OFFICERS(HttpStatus.UNPROCESSABLE_ENTITY, "布控任务至少需要绑定一名接收预警的警员", "A watch-list task must bind at least one officer to receive its alerts"),
    ALERT_NOT_FOUND(HttpStatus.NOT_FOUND, "预警不存在：{0}", "Alert not found: {0}"),
    CLIP_NOT_FOUND(HttpStatus.NOT_FOUND, "该预警没有视频片段：{0}（仅视频流与离线视频的命中保存片段）", "This alert has no video clip: {0} (only hits on streams and offline videos keep one)"),
    ALERT_ALREADY_HANDLED(HttpStatus.CONFLICT, "预警已处置", "The alert has already been handled"),
    NOT_BOUND_OFFICER(HttpStatus.FORBIDDEN, "您未绑定该布控任务，不能查看或处置其预警", "You are not bound to this watch-list task and cannot see or handle its alerts"),
    VIDEO_UNREADABLE(HttpStatus.UNPROCESSABLE_ENTITY, "视频无法解码：{0}", "The video cannot be decoded: {0}"),
    LIBRARY_INVALID(HttpStatus.BAD_REQUEST, "特征库类型无效：{0}", "Unknown feature library: {0}"),
    PLATE_INVALID(HttpStatus.BAD_REQUEST, "车牌号无效：{0}", "Invalid licence-plate number: {0}"),
    THRESHOLD_INVALID(HttpStatus.BAD_REQUEST, "阈值无效：{0}", "Invalid threshold: {0}"),
    STANDARD_NOT_FOUND(HttpStatus.NOT_FOUND, "诊断标准不存在：{0}", "Diagnosis standard not found: {0}"),
    SAMPLING_RATE_INVALID(HttpStatus.BAD_REQUEST, "抽查比例无效：{0}（随机布控必须设置 0–1 之间的比例，其他布控不设置）", "Invalid sampling rate: {0} (a random-control task needs a rate above 0 and at most 1; other tasks take none)"),
    OPERATOR_MODELS_NOT_CONFIGURED(HttpStatus.CONFLICT, "未配置运营方人脸模型（YuNet + SFace），请设置 hnsw.video.face.operator.*", "No operator face models (YuNet + SFace) are configured; set hnsw.video.face.operator.*"),
    MODEL_INVALID(HttpStatus.BAD_REQUEST, "人脸模型无效：{0}（可选 FACE_API、OPERATOR）", "Unknown face model: {0} (FACE_API or OPERATOR)"),
    CAMERA_PLATFORM_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "视频联网平台暂不可用：{0}", "The camera platform is unavailable: {0}"),
    DATA_FEED_NOT_FOUND(HttpStatus.NOT_FOUND, "数据源不存在：{0}", "Data feed not found: {0}"),
    DATA_FEED_CODE_TAKEN(HttpStatus.CONFLICT, "数据源编码已存在：{0}", "Data feed code already in use: {0}"),
    DATA_FEED_TYPE_INVALID(HttpStatus.BAD_REQUEST, "数据源类型无效：{0}（可选 POPULATION_REGISTRY、ID_CARD_SYSTEM、BORDER_INSPECTION）", "Unknown data feed type: {0} (POPULATION_REGISTRY, ID_CARD_SYSTEM or BORDER_INSPECTION)"),
    DATA_FEED_DISABLED(HttpStatus.CONFLICT, "数据源已停用：{0}", "The data feed is disabled: {0}"),
    FACE_SOURCE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "外部人脸数据源暂不可用：{0}", "The external face data feed is unavailable: {0}"),
    STORAGE_TASK_NOT_FOUND(HttpStatus.NOT_FOUND, "入库任务不存在：{0}", "Storage task not found: {0}"),
    STORAGE_TASK_RUNNING(HttpStatus.CONFLICT, "该数据源已有入库任务在运行：{0}", "A storage task of this data source is running: {0}"),
    RECORD_INCOMPLETE(HttpStatus.UNPROCESSABLE_ENTITY, "数据不完整：缺少{0}", "Incomplete record: {0} is missing"),
    PHOTO_MISSING(HttpStatus.UNPROCESSABLE_ENTITY, "记录没有照片", "The record has no photo"),
    DATA_FEED_IN_USE(HttpStatus.CONFLICT, "数据源已有入库任务，不能删除（可停用）：{0}", "The data feed has storage tasks and cannot be deleted (disable it instead): {0}"),
    STORAGE_TASK_NOT_FINISHED(HttpStatus.CONFLICT, "入库任务正在运行，不能删除：{0}", "The storage task is running and cannot be deleted: {0}"),
    ANALYSIS_KIND_INVALID(HttpStatus.BAD_REQUEST, "分析类型无效：{0}", "Unknown analysis kind: {0}"),
    STREAM_TYPE_NOT_ALLOWED(HttpStatus.BAD_REQUEST, "该分析类型不接入此流类型：{0}", "This analysis kind does not take this stream type: {0}"),
    SOURCE_URL_INVALID(HttpStatus.BAD_REQUEST, "视频源地址与流类型不符：{0}", "The source address does not fit the stream type: {0}"),
    ANALYSIS_FEED_NOT_FOUND(HttpStatus.NOT_FOUND, "分析接入数据源不存在：{0}", "Analysis data feed not found: {0}"),
    ANALYSIS_FEED_IN_USE(HttpStatus.CONFLICT, "数据源已被分析任务使用，不能删除（可停用）：{0}", "The data feed is used by analysis tasks and cannot be deleted (disable it instead): {0}"),
    ANALYSIS_FEED_DISABLED(HttpStatus.CONFLICT, "分析接入数据源已停用：{0}", "The analysis data feed is disabled: {0}"),
    ANALYSIS_SERVICE_NOT_FOUND(HttpStatus.NOT_FOUND, "分析服务不存在：{0}", "Analysis service not found: {0}"),
    ANALYSIS_SERVICE_IN_USE(HttpStatus.CONFLICT, "分析服务已被任务使用，不能删除（可停用）：{0}", "The analysis service is used by tasks and cannot be deleted (disable it instead): {0}"),
    ANALYSIS_SERVICE_DISABLED(HttpStatus.CONFLICT, "分析服务已停用：{0}", "The analysis service is disabled: {0}"),
    DETECTOR_INVALID(HttpStatus.BAD_REQUEST, "算法不适用于该分析类型：{0}", "The detector does not serve this analysis kind: {0}"),
    KIND_MISMATCH(HttpStatus.BAD_REQUEST, "数据源、服务与任务的分析类型不一致：{0}", "The data feed, service and task are of different analysis kinds: {0}"),
    ANALYSIS_TASK_NOT_FOUND(HttpStatus.NOT_FOUND, "分析任务不存在：{0}", "Analysis task not found: {0}"),
    ANALYSIS_TASK_STATE_INVALID(HttpStatus.CONFLICT, "分析任务当前状态为 {0}，不能执行“{1}”", "The analysis task is {0}; it cannot be {1}"),
    INSTRUCTION_INVALID(HttpStatus.BAD_REQUEST, "分析指令无效：{0}", "Invalid analysis instruction: {0}"),
    FEEDBACK_SERVICE_NOT_FOUND(HttpStatus.NOT_FOUND, "布控反馈服务不存在：{0}", "Watch-list feedback service not found: {0}"),
    FEEDBACK_KIND_INVALID(HttpStatus.BAD_REQUEST, "布控反馈服务类型无效：{0}（仅人脸图片布控 FACE_IMAGE、人脸基础信息库布控 FACE_BASE，且修改时不能更改）", "Invalid feedback service kind: {0} (FACE_IMAGE or FACE_BASE only, and it cannot change on modify)"),
    NO_ANOMALY(HttpStatus.CONFLICT, "该任务没有待处置的异常", "The task has no open anomaly to handle"),
    FINDING_NOT_FOUND(HttpStatus.NOT_FOUND, "分析结果不存在：{0}", "Analysis finding not found: {0}"),
    FINDING_ALREADY_HANDLED(HttpStatus.CONFLICT, "分析结果已处置", "The finding has already been handled"),
    SLICE_NOT_FOUND(HttpStatus.NOT_FOUND, "视频切片不存在：{0}", "Video slice not found: {0}"),
    VIDEO_FILE_EMPTY(HttpStatus.BAD_REQUEST, "视频文件为空", "The video file is empty"),
    RISK_MODEL_NOT_FOUND(HttpStatus.NOT_FOUND, "风险模型或其数据源不存在：{0}", "Risk model or its data feed not found: {0}"),
    RISK_MODEL_CODE_TAKEN(HttpStatus.CONFLICT, "风险模型编码已存在：{0}", "Risk model code already in use: {0}"),
    RISK_MODEL_IN_USE(HttpStatus.CONFLICT, "风险模型已有对外服务，不能删除（可停用）：{0}", "The risk model has external services and cannot be deleted (disable it instead): {0}"),
    RISK_SERVICE_NOT_FOUND(HttpStatus.NOT_FOUND, "风险模型对外服务不存在：{0}", "Risk model service not found: {0}"),
    RISK_SERVICE_DISABLED(HttpStatus.CONFLICT, "风险模型或其对外服务已停用：{0}", "The risk model or its service is disabled: {0}"),
    SCENE_NOT_FOUND(HttpStatus.NOT_FOUND, "监管场景或运行场所不存在：{0}", "Supervision scene or venue not found: {0}"),
    SCENE_CODE_TAKEN(HttpStatus.CONFLICT, "编码已存在：{0}", "Code already in use: {0}"),
    VENUE_IN_USE(HttpStatus.CONFLICT, "运行场所仍绑定监管场景，不能删除：{0}", "The venue still holds supervision scenes and cannot be deleted: {0}"),
    LIBRARY_ENTRY_NOT_FOUND(HttpStatus.NOT_FOUND, "特征库中无此条目：{0}", "No such entry in the feature library: {0}"),
    LIBRARY_ENTRY_FIXED(HttpStatus.CONFLICT, "人脸基础信息库的特征随人脸基础信息维护，不能单独删除：{0}", "A face base library entry belongs to its face base record and cannot be deleted on its own: {0}"),
    RECOGNITION_SOURCE_NOT_FOUND(HttpStatus.NOT_FOUND, "识别接入数据源不存在：{0}", "Recognition data source not found: {0}"),
    RECOGNITION_SOURCE_NAME_TAKEN(HttpStatus.CONFLICT, "同类识别数据源名称已存在：{0}", "A recognition data source of this kind already has this name: {0}"),
    RECOGNITION_SOURCE_INVALID(HttpStatus.BAD_REQUEST, "识别数据源配置无效：{0}（1:N 与 N:M 数据源须指定特征库；类型不能修改）", "Invalid recognition data source: {0} (1:N and N:M sources need a feature library; the kind cannot change)"),
    RECOGNITION_SOURCE_DISABLED(HttpStatus.CONFLICT, "识别数据源已停用：{0}", "The recognition data source is disabled: {0}"),
    RECOGNITION_CHECK_NOT_FOUND(HttpStatus.NOT_FOUND, "核验记录不存在：{0}", "Verification or identification record not found: {0}"),
    NOT_CHECK_REQUESTER(HttpStatus.FORBIDDEN, "只有发起人或平台管理员可以修改或删除核验记录", "Only the requester or a platform administrator can modify or delete this record"),
    WATCHLIST_FIELD_NOT_FOUND(HttpStatus.NOT_FOUND, "布控数据项不存在：{0}", "Watch-list data item not found: {0}"),
    WATCHLIST_FIELD_CODE_TAKEN(HttpStatus.CONFLICT, "该布控类型已有此数据项编码：{0}", "This watch-list kind already has a data item with this code: {0}"),
    WATCHLIST_FIELD_INVALID(HttpStatus.BAD_REQUEST, "布控数据项无效：{0}（仅人脸图片布控、人脸基础信息库布控；编码为小写字母开头的字母数字；长度 1–1024；类型与编码不能修改）", "Invalid watch-list data item: {0} (face-image and face-base control only; the code is letters and digits starting with a lower-case letter; length 1–1024; kind and code cannot change)"),
    TARGET_ENTRIES_REFUSED(HttpStatus.UNPROCESSABLE_ENTITY, "{0} 条布控对象未通过录入校验，本次录入均未保存（见各条原因）", "{0} target entries failed the entry checks; none of this entry was stored (see each reason)"),
    TARGET_NOT_FOUND(HttpStatus.NOT_FOUND, "布控对象不存在：{0}", "Watch-list target not found: {0}"),
    INSTRUCTION_ABSENT(HttpStatus.CONFLICT, "该布控任务没有布控指令", "The watch-list task has no control instruction"),
    MOBILE_FEED_NOT_FOUND(HttpStatus.NOT_FOUND, "移动端数据源不存在：{0}", "Mobile feed not found: {0}"),
    TEMPLATE_NOT_FOUND(HttpStatus.NOT_FOUND, "模板不存在：{0}", "Template not found: {0}"),
    TEMPLATE_NOT_PUBLISHED(HttpStatus.CONFLICT, "模板尚未发布：{0}", "The template is not published: {0}"),
    COMMAND_TASK_NOT_FOUND(HttpStatus.NOT_FOUND, "指挥任务不存在：{0}", "Command task not found: {0}"),
    RECORD_GONE(HttpStatus.UNPROCESSABLE_ENTITY, "数据源中已无此记录：{0}", "The source no longer holds this record: {0}");

    private final ErrorText text;

    VideoErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
