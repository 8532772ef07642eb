package cn.hnsw.video.analysistask;

import cn.hnsw.video.behavior.BehaviorKind;
import cn.hnsw.video.diagnosis.VideoFault;
import cn.hnsw.video.watchlist.WatchlistKind;
import java.util.EnumSet;
import java.util.Set;

/**
 * 视频结构化解析的分析类型 — every kind of analysis task the engine runs. Each kind belongs to a family (the detector
 * that serves it) and reports only its own findings: 异常奔跑 reports running and nothing else; 行为分析 reports all six
 * behaviours; 视频图像诊断 all eleven picture faults; the face kinds report each face described on its track.
 */
public enum AnalysisKind {
    /** 人像解析 */
    PORTRAIT("人像解析", "Portrait parsing", Family.FACE, Set.of(), Set.of()),
    /** 视频辅助分析 */
    ASSISTED("视频辅助分析", "Video-assisted analysis", Family.FACE, Set.of(), Set.of()),
    /** 离线视频分析 */
    OFFLINE("离线视频分析", "Offline video analysis", Family.FACE, Set.of(), Set.of()),
    /** 算法融合: faces, behaviours and same-person merging in one pass */
    FUSION("算法融合", "Algorithm fusion", Family.FUSION, EnumSet.allOf(BehaviorKind.class), Set.of()),
    /** 行为分析 */
    BEHAVIOR("行为分析", "Behaviour analysis", Family.BEHAVIOR, EnumSet.allOf(BehaviorKind.class), Set.of()),
    RUNNING("异常奔跑检测", "Abnormal running detection", Family.BEHAVIOR, Set.of(BehaviorKind.RUNNING), Set.of()),
    LOITERING("滞留徘徊", "Loitering detection", Family.BEHAVIOR, Set.of(BehaviorKind.LOITERING), Set.of()),
    VIOLENT_MOTION("激烈运动", "Violent motion detection", Family.BEHAVIOR, Set.of(BehaviorKind.VIOLENT_MOTION), Set.of()),
    CROWD("人群聚集", "Crowd gathering detection", Family.BEHAVIOR, Set.of(BehaviorKind.CROWD), Set.of()),
    ITEM_LOST("物品丢失", "Item lost detection", Family.BEHAVIOR, Set.of(BehaviorKind.ITEM_LOST), Set.of()),
    LEFT_BEHIND("物品遗留检测", "Item left behind detection", Family.BEHAVIOR, Set.of(BehaviorKind.LEFT_BEHIND), Set.of()),
    /** 视频图像诊断 */
    DIAGNOSIS("视频图像诊断", "Video quality diagnosis", Family.DIAGNOSIS, Set.of(), EnumSet.allOf(VideoFault.class)),
    BLUR("图像模糊检测", "Image blur detection", Family.DIAGNOSIS, Set.of(), Set.of(VideoFault.BLUR)),
    COLOR_CAST("图像偏色检测", "Colour cast detection", Family.DIAGNOSIS, Set.of(), Set.of(VideoFault.COLOR_CAST)),
    LOW_CONTRAST("低对比度检测", "Low contrast detection", Family.DIAGNOSIS, Set.of(), Set.of(VideoFault.LOW_CONTRAST)),
    BRIGHTNESS("亮度异常检测", "Brightness anomaly detection", Family.DIAGNOSIS, Set.of(), Set.of(VideoFault.BRIGHTNESS)),
    STRIPES("条纹干扰检测", "Stripe interference detection", Family.DIAGNOSIS, Set.of(), Set.of(VideoFault.STRIPES)),
    FREEZE("画面冻结检测", "Frozen picture detection", Family.DIAGNOSIS, Set.of(), Set.of(VideoFault.FREEZE)),
    JITTER("视频抖动检测", "Video jitter detection", Family.DIAGNOSIS, Set.of(), Set.of(VideoFault.JITTER)),
    OCCLUSION("视频遮挡检测", "Occlusion detection", Family.DIAGNOSIS, Set.of(), Set.of(VideoFault.OCCLUSION)),
    SNOW("雪花干扰检测", "Snow noise detection", Family.DIAGNOSIS, Set.of(), Set.of(VideoFault.SNOW)),
    PTZ_FAILURE("云台失控检测", "PTZ loss of control detection", Family.DIAGNOSIS, Set.of(), Set.of(VideoFault.PTZ_FAILURE)),
    SIGNAL_LOSS("信号丢失检测", "Signal loss detection", Family.DIAGNOSIS, Set.of(), Set.of(VideoFault.SIGNAL_LOSS)),
    /** 随机布控 工作模式: faces of the feed matched against the active (random-control) watch-lists */
    RANDOM_CONTROL("随机布控", "Random control", Family.FACE, Set.of(), Set.of()),
    /** 重点旅客布控 工作模式 */
    KEY_PASSENGER_CONTROL("重点旅客布控", "Key-passenger control", Family.FACE, Set.of(), Set.of()),
    /** 离岛免税回流布控 工作模式 */
    DUTY_FREE_CONTROL("离岛免税回流布控", "Duty-free backflow control", Family.FACE, Set.of(), Set.of()),
    /** 风险车辆布控 工作模式: plates read on the feed and matched against the risk-vehicle watch-lists */
    VEHICLE_CONTROL("风险车辆布控", "Risk-vehicle control", Family.PLATE, Set.of(), Set.of()),
    /** 以图搜脸: the faces of the feed compared with a face base record bound in the instruction */
    FACE_SEARCH("以图搜脸", "Search by face", Family.FACE, Set.of(), Set.of()),
    /** 人员轨迹 工作模式: the captures a feed yields are the sightings trajectories are drawn from */
    TRAJECTORY("人员轨迹", "Person trajectory", Family.FACE, Set.of(), Set.of());

    /** Which detector serves a kind. */
    public enum Family {
        /** the face pipeline: detection, tracking, descriptor, attributes, capture store and checks */
        FACE,
        /** the face pipeline and the behaviour analyser together, with same-person merging of the faces found */
        FUSION,
        /** the behaviour analyser (background model, blobs, tracks) */
        BEHAVIOR,
        /** the image-quality diagnoser */
        DIAGNOSIS,
        /** the licence-plate reader (PaddleOCR on ONNX Runtime) */
        PLATE;

        /** The detector (algorithm service implementation) a family's services use. */
        public String detector() {
            return switch (this) {
                case FACE -> "FACE_PIPELINE";
                case FUSION -> "FUSION";
                case BEHAVIOR -> "BEHAVIOR_ANALYZER";
                case DIAGNOSIS -> "IMAGE_QUALITY_DIAGNOSER";
                case PLATE -> "PLATE_READER";
            };
        }

        public boolean faces() {
            return this == FACE || this == FUSION;
        }

        public boolean behaviours() {
            return this == BEHAVIOR || this == FUSION;
        }
    }

    private final String nameZh;
    private final String nameEn;
    private final Family family;
    private final Set<BehaviorKind> behaviours;
    private final Set<VideoFault> faults;

    AnalysisKind(String nameZh, String nameEn, Family family, Set<BehaviorKind> behaviours, Set<VideoFault> faults) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.family = family;
        this.behaviours = behaviours;
        this.faults = faults;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public Family family() {
        return family;
    }

    public Set<BehaviorKind> behaviours() {
        return behaviours;
    }

    /**
     * The watch-list kind a control work mode answers for (its faces or plates are matched against the active lists
     * of that kind only); null for the other kinds, whose faces meet every active list of the camera.
     */
    public WatchlistKind watchlistKind() {
        return switch (this) {
            case RANDOM_CONTROL -> WatchlistKind.RANDOM;
            case KEY_PASSENGER_CONTROL -> WatchlistKind.KEY_PASSENGER;
            case DUTY_FREE_CONTROL -> WatchlistKind.DUTY_FREE_BACKFLOW;
            case VEHICLE_CONTROL -> WatchlistKind.RISK_VEHICLE;
            default -> null;
        };
    }

    public Set<VideoFault> faults() {
        return faults;
    }
}
