package cn.hnsw.video.watchlist;

import cn.hnsw.common.events.Alert;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.video.support.VideoErrorCode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * 布控任务 — a watch-list task: video from its cameras is compared with its targets; it takes effect only after a
 * second person has reviewed it (four eyes), and so do its withdrawal (撤控) and re-activation (再次布控).
 */
public class WatchlistTask {

    /** A change that waits for review. */
    public enum PendingAction {
        ACTIVATION, WITHDRAWAL, RECONTROL
    }

    private final UUID id;
    private final String name;
    private final WatchlistKind kind;
    private WatchlistStatus status;
    private final double maxDistance;
    private final List<UUID> cameraIds;
    private final List<String> officers;
    private final String organization;
    private final String instruction;
    private final Alert.Level alertLevel;
    private final String createdBy;
    private String reviewedBy;
    private String reviewComment;
    private PendingAction pendingAction;
    private String requestedBy;
    private final Instant createdAt;
    private final Double samplingRate;

    public WatchlistTask(UUID id, String name, WatchlistKind kind, WatchlistStatus status, double maxDistance,
            List<UUID> cameraIds, List<String> officers, String organization, String instruction,
            Alert.Level alertLevel, String createdBy, String reviewedBy, String reviewComment,
            PendingAction pendingAction, String requestedBy, Instant createdAt) {
        this(id, name, kind, status, maxDistance, cameraIds, officers, organization, instruction, alertLevel, createdBy,
                reviewedBy, reviewComment, pendingAction, requestedBy, createdAt, null);
    }

    public WatchlistTask(UUID id, String name, WatchlistKind kind, WatchlistStatus status, double maxDistance,
            List<UUID> cameraIds, List<String> officers, String organization, String instruction,
            Alert.Level alertLevel, String createdBy, String reviewedBy, String reviewComment,
            PendingAction pendingAction, String requestedBy, Instant createdAt, Double samplingRate) {
        this.id = id;
        this.name = name;
        this.kind = kind;
        this.status = status;
        this.maxDistance = maxDistance;
        this.cameraIds = List.copyOf(cameraIds);
        this.officers = List.copyOf(officers);
        this.organization = organization;
        this.instruction = instruction;
        this.alertLevel = alertLevel;
        this.createdBy = createdBy;
        this.reviewedBy = reviewedBy;
        this.reviewComment = reviewComment;
        this.pendingAction = pendingAction;
        this.requestedBy = requestedBy;
        this.createdAt = createdAt;
        this.samplingRate = samplingRate;
    }

    /** A new task, submitted for review by {@code creator}. */
    public static WatchlistTask submit(String name, WatchlistKind kind, double maxDistance, List<UUID> cameraIds,
            List<String> officers, String organization, String instruction, Alert.Level level, String creator) {
        return submit(name, kind, maxDistance, cameraIds, officers, organization, instruction, level, creator, null);
    }

    /** As above; {@code samplingRate} (0 < rate ≤ 1) is what a random-control task picks, and only it has one. */
    public static WatchlistTask submit(String name, WatchlistKind kind, double maxDistance, List<UUID> cameraIds,
            List<String> officers, String organization, String instruction, Alert.Level level, String creator,
            Double samplingRate) {
        if (officers.isEmpty()) {
            throw new HnswException(VideoErrorCode.TASK_WITHOUT_OFFICERS);
        }
        if ((kind == WatchlistKind.RANDOM) != (samplingRate != null)
                || (samplingRate != null && !(samplingRate > 0 && samplingRate <= 1))) {
            throw new HnswException(VideoErrorCode.SAMPLING_RATE_INVALID, samplingRate);
        }
        return new WatchlistTask(UUID.randomUUID(), name, kind, WatchlistStatus.PENDING_REVIEW, maxDistance, cameraIds,
                officers, organization, instruction, level, creator, null, null, PendingAction.ACTIVATION, creator,
                Instant.now(), samplingRate);
    }

    /**
     * Whether a random-control task picks this capture: a hash of the task and the capture, uniform over [0, 1),
     * below the sampling rate. Each capture is one face track (described once per pass), so a person passing is
     * one draw; the draw can be recomputed afterwards from the two ids, so a selection can be audited.
     */
    public boolean picks(UUID captureId) {
        if (samplingRate == null) {
            return false;
        }
        long h = id.getMostSignificantBits() * 0x9E3779B97F4A7C15L ^ id.getLeastSignificantBits();
        h ^= captureId.getMostSignificantBits() * 0xC2B2AE3D27D4EB4FL;
        h ^= captureId.getLeastSignificantBits() * 0x165667B19E3779F9L;
        // splitmix64 finaliser: every input bit reaches every output bit
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        h ^= h >>> 31;
        double u = (h >>> 11) * 0x1.0p-53;
        return u < samplingRate;
    }

    public Double samplingRate() {
        return samplingRate;
    }

    /** 布控审核: approve or reject whatever is pending. Returns the action reviewed. */
    public PendingAction review(boolean approve, String reviewer, String comment) {
        if (pendingAction == null) {
            throw new HnswException(VideoErrorCode.TASK_STATE_INVALID, status, "reviewed");
        }
        if (reviewer.equals(requestedBy)) {
            throw new HnswException(VideoErrorCode.SELF_REVIEW);
        }
        PendingAction action = pendingAction;
        switch (action) {
            case ACTIVATION -> status = approve ? WatchlistStatus.ACTIVE : WatchlistStatus.REJECTED;
            case WITHDRAWAL -> status = approve ? WatchlistStatus.WITHDRAWN : WatchlistStatus.ACTIVE;
            case RECONTROL -> status = approve ? WatchlistStatus.ACTIVE : status;
            default -> throw new IllegalStateException();
        }
        reviewedBy = reviewer;
        reviewComment = comment;
        pendingAction = null;
        return action;
    }

    /**
     * 布控任务修改: while the task waits for its first review, its submitter may change what the reviewer will see
     * (name, threshold, cameras, officers, instruction); the review then covers the revised task.
     */
    public WatchlistTask revised(String editor, String newName, Double newMaxDistance, List<UUID> newCameraIds,
            List<String> newOfficers, String newInstruction) {
        if (status != WatchlistStatus.PENDING_REVIEW || pendingAction != PendingAction.ACTIVATION) {
            throw new HnswException(VideoErrorCode.TASK_STATE_INVALID, status, "revised");
        }
        if (!editor.equals(createdBy)) {
            throw new HnswException(VideoErrorCode.NOT_REVISION_SUBMITTER);
        }
        List<String> officersAfter = newOfficers == null ? officers : newOfficers;
        if (officersAfter.isEmpty()) {
            throw new HnswException(VideoErrorCode.TASK_WITHOUT_OFFICERS);
        }
        return new WatchlistTask(id, newName == null || newName.isBlank() ? name : newName, kind, status,
                newMaxDistance == null ? maxDistance : newMaxDistance, newCameraIds == null ? cameraIds : newCameraIds,
                officersAfter, organization, newInstruction == null ? instruction : newInstruction, alertLevel,
                createdBy, reviewedBy, reviewComment, pendingAction, requestedBy, createdAt, samplingRate);
    }

    /** 任务撤控: ask to withdraw an active task (takes effect on review). */
    public void requestWithdrawal(String requester) {
        if (status != WatchlistStatus.ACTIVE || pendingAction != null) {
            throw new HnswException(VideoErrorCode.TASK_STATE_INVALID, status, "withdrawn");
        }
        pendingAction = PendingAction.WITHDRAWAL;
        requestedBy = requester;
    }

    /** 任务再次布控: ask to re-activate a withdrawn or rejected task (takes effect on review). */
    public void requestRecontrol(String requester) {
        if ((status != WatchlistStatus.WITHDRAWN && status != WatchlistStatus.REJECTED) || pendingAction != null) {
            throw new HnswException(VideoErrorCode.TASK_STATE_INVALID, status, "re-activated");
        }
        pendingAction = PendingAction.RECONTROL;
        requestedBy = requester;
    }

    /** Active, and watching every camera or this one (a capture of no camera is watched only by the former). */
    public boolean matchesCamera(UUID cameraId) {
        // List.copyOf's lists refuse contains(null): a video of no camera used to fail every camera-bound task
        return status == WatchlistStatus.ACTIVE && (cameraIds.isEmpty() || cameraId != null && cameraIds.contains(cameraId));
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public WatchlistKind kind() {
        return kind;
    }

    public WatchlistStatus status() {
        return status;
    }

    public double maxDistance() {
        return maxDistance;
    }

    public List<UUID> cameraIds() {
        return cameraIds;
    }

    public List<String> officers() {
        return officers;
    }

    public String organization() {
        return organization;
    }

    public String instruction() {
        return instruction;
    }

    public Alert.Level alertLevel() {
        return alertLevel;
    }

    public String createdBy() {
        return createdBy;
    }

    public String reviewedBy() {
        return reviewedBy;
    }

    public String reviewComment() {
        return reviewComment;
    }

    public PendingAction pendingAction() {
        return pendingAction;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
