package cn.hnsw.video.mobile;

import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.video.alert.AlertService;
import cn.hnsw.video.alert.WatchlistHitRepository.WatchlistHit;
import cn.hnsw.video.camera.CameraRepository.Camera;
import cn.hnsw.video.camera.CameraService;
import cn.hnsw.video.mobile.MobileFeedRepository.MobileFeed;
import cn.hnsw.video.support.VideoErrorCode;
import cn.hnsw.video.watchlist.WatchlistService;
import cn.hnsw.video.watchlist.WatchlistStatus;
import cn.hnsw.video.watchlist.WatchlistTask;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * 移动单兵应用 — an officer's own feeds per channel, and what a channel delivers now: the officer's watch-list alerts on
 * persons or on plates, those handled, the cameras' pictures, or the active controls the officer is bound to with
 * their instructions. Every alert shown is one the officer may see anyway (bound to its control); a feed narrowed to
 * cameras delivers only theirs.
 */
@Service
public class MobileFeedService {

    private static final int MAX_ITEMS = 200;

    private final MobileFeedRepository repo;
    private final AlertService alerts;
    private final WatchlistService watchlists;
    private final CameraService cameras;

    public MobileFeedService(MobileFeedRepository repo, AlertService alerts, WatchlistService watchlists,
            CameraService cameras) {
        this.repo = repo;
        this.alerts = alerts;
        this.watchlists = watchlists;
        this.cameras = cameras;
    }

    public MobileFeed create(CurrentActor actor, MobileChannel channel, String name, List<UUID> cameraIds) {
        List<UUID> ids = checked(cameraIds);
        MobileFeed f = new MobileFeed(UUID.randomUUID(), actor.username(), channel, name, ids, true, null, null);
        repo.insert(f);
        return feed(actor, f.id());
    }

    private List<UUID> checked(List<UUID> cameraIds) {
        List<UUID> ids = cameraIds == null ? List.of() : List.copyOf(cameraIds);
        ids.forEach(cameras::get);
        return ids;
    }

    public MobileFeed update(CurrentActor actor, UUID id, String name, List<UUID> cameraIds, boolean enabled) {
        MobileFeed f = feed(actor, id);
        repo.update(id, actor.username(), name == null || name.isBlank() ? f.name() : name,
                cameraIds == null ? f.cameraIds() : checked(cameraIds), enabled);
        return feed(actor, id);
    }

    public void delete(CurrentActor actor, UUID id) {
        if (repo.delete(id, actor.username()) == 0) {
            throw new HnswException(VideoErrorCode.MOBILE_FEED_NOT_FOUND, id);
        }
    }

    public MobileFeed feed(CurrentActor actor, UUID id) {
        return repo.find(id, actor.username())
                .orElseThrow(() -> new HnswException(VideoErrorCode.MOBILE_FEED_NOT_FOUND, id));
    }

    public List<MobileFeed> feeds(CurrentActor actor, MobileChannel channel) {
        return repo.feeds(actor.username(), channel);
    }

    /** One item a handheld shows. */
    public record Item(String kind, String id, String title, String detail, UUID cameraId, String status,
            Instant at, Map<String, Object> data) {
    }

    /** What the officer's enabled feeds of the channel deliver now (empty without such a feed). */
    public List<Item> deliver(CurrentActor actor, MobileChannel channel) {
        List<MobileFeed> feeds = repo.feeds(actor.username(), channel).stream().filter(MobileFeed::enabled).toList();
        if (feeds.isEmpty()) {
            return List.of();
        }
        // no camera list on some feed: every camera; otherwise the union of the lists
        boolean all = feeds.stream().anyMatch(f -> f.cameraIds().isEmpty());
        List<UUID> only = feeds.stream().flatMap(f -> f.cameraIds().stream()).distinct().toList();
        List<Item> out = new ArrayList<>();
        switch (channel) {
            case RISK_TRAVELER, RISK_VEHICLE, HANDLING_FEEDBACK -> {
                String status = channel == MobileChannel.HANDLING_FEEDBACK ? "HANDLED" : "RAISED";
                for (WatchlistHit h : alerts.visibleTo(actor, status, new PageQuery(0, MAX_ITEMS)).content()) {
                    boolean plate = h.plateNumber() != null;
                    if ((channel == MobileChannel.RISK_TRAVELER && plate) || (channel == MobileChannel.RISK_VEHICLE
                            && !plate) || (!all && !only.contains(h.cameraId()))) {
                        continue;
                    }
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("taskId", h.taskId());
                    if (plate) {
                        data.put("plateNumber", h.plateNumber());
                    }
                    if (h.handlingResult() != null) {
                        data.put("handlingResult", h.handlingResult());
                        data.put("handledBy", h.handledBy());
                    }
                    out.add(new Item("ALERT", h.alertId(), plate ? "风险车辆 " + h.plateNumber() : "风险旅客",
                            h.handlingNote(), h.cameraId(), h.status(), h.occurredAt(), data));
                }
            }
            case WATCHLIST -> {
                for (WatchlistTask t : watchlists.list(WatchlistStatus.ACTIVE, false, new PageQuery(0, MAX_ITEMS))
                        .content()) {
                    if (!t.officers().contains(actor.username())
                            || (!all && !t.cameraIds().isEmpty() && t.cameraIds().stream().noneMatch(only::contains))) {
                        continue;
                    }
                    out.add(new Item("CONTROL", t.id().toString(), t.name(), t.instruction(), null, t.status().name(),
                            t.createdAt(), Map.of("kind", t.kind().name(), "cameraIds", t.cameraIds())));
                }
            }
            case MONITORING -> {
                List<Camera> list = all ? cameras.page(null, new PageQuery(0, MAX_ITEMS)).content()
                        : only.stream().map(cameras::get).toList();
                for (Camera c : list) {
                    out.add(new Item("CAMERA", c.id().toString(), c.name(), c.location(), c.id(), c.status(),
                            c.lastSeenAt(), Map.of("deviceCode", c.deviceCode(), "snapshot",
                                    "/cameras/" + c.id() + "/snapshot")));
                }
            }
        }
        return out;
    }
}
