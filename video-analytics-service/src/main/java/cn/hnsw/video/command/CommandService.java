package cn.hnsw.video.command;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.video.analysistask.AnalysisTaskRepository.Finding;
import cn.hnsw.video.analysistask.AnalysisTaskService;
import cn.hnsw.video.camera.CameraRepository.Camera;
import cn.hnsw.video.camera.CameraService;
import cn.hnsw.video.command.CommandRepository.CommandTask;
import cn.hnsw.video.command.CommandRepository.DisplayTemplate;
import cn.hnsw.video.command.CommandRepository.QueryTemplate;
import cn.hnsw.video.support.VideoErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * 现场集中监控指挥 — 综合查询 templates (a saved filter over the analysis findings, run when asked), 监控展示 templates
 * (camera wall layouts) and 应急指挥 tasks (their video signals, officers and talk group). Templates are drafts until
 * published; a change makes them drafts again. Only published templates are run or shown to others.
 */
@Service
public class CommandService {

    private static final Set<Integer> GRIDS = Set.of(1, 4, 9, 16);
    private static final Set<String> LEVELS = Set.of("LOW", "MEDIUM", "HIGH");

    private final CommandRepository repo;
    private final AnalysisTaskService analysis;
    private final CameraService cameras;

    public CommandService(CommandRepository repo, AnalysisTaskService analysis, CameraService cameras) {
        this.repo = repo;
        this.analysis = analysis;
        this.cameras = cameras;
    }

    // ---- query templates

    private static String checkStatus(String status) {
        if (status != null && !status.equals("OPEN") && !status.equals("HANDLED")) {
            throw new HnswException(VideoErrorCode.THRESHOLD_INVALID, "status=" + status);
        }
        return status;
    }

    public QueryTemplate createQuery(String name, String kind, String code, String status) {
        AnalysisTaskService.kind(kind);
        QueryTemplate q = new QueryTemplate(UUID.randomUUID(), name, kind, code, checkStatus(status), false,
                Actors.current().username(), null);
        repo.insertQuery(q);
        return query(q.id());
    }

    public QueryTemplate updateQuery(UUID id, String name, String kind, String code, String status) {
        QueryTemplate q = query(id);
        AnalysisTaskService.kind(kind);
        repo.updateQuery(id, name == null || name.isBlank() ? q.name() : name, kind, code, checkStatus(status));
        return query(id);
    }

    public QueryTemplate publishQuery(UUID id) {
        query(id);
        repo.publishQuery(id);
        return query(id);
    }

    public void deleteQuery(UUID id) {
        if (repo.deleteQuery(id) == 0) {
            throw new HnswException(VideoErrorCode.TEMPLATE_NOT_FOUND, id);
        }
    }

    public QueryTemplate query(UUID id) {
        return repo.query(id).orElseThrow(() -> new HnswException(VideoErrorCode.TEMPLATE_NOT_FOUND, id));
    }

    public List<QueryTemplate> queries(boolean publishedOnly) {
        return repo.queries(publishedOnly);
    }

    /** Runs a published template: the findings it selects, newest first. */
    public PageResponse<Finding> run(UUID id, PageQuery page) {
        QueryTemplate q = query(id);
        if (!q.published()) {
            throw new HnswException(VideoErrorCode.TEMPLATE_NOT_PUBLISHED, q.name());
        }
        return analysis.findings(AnalysisTaskService.kind(q.kind()), null, q.code(), q.status(), page);
    }

    // ---- display templates

    private List<UUID> checkedCameras(List<UUID> ids) {
        List<UUID> list = ids == null ? List.of() : List.copyOf(ids);
        list.forEach(cameras::get);
        return list;
    }

    public DisplayTemplate createDisplay(String name, int grid, List<UUID> cameraIds) {
        List<UUID> list = checkedCameras(cameraIds);
        checkGrid(grid, list);
        DisplayTemplate d = new DisplayTemplate(UUID.randomUUID(), name, grid, list, false, Actors.current().username(),
                null);
        repo.insertDisplay(d);
        return display(d.id());
    }

    private static void checkGrid(int grid, List<UUID> cameraIds) {
        if (!GRIDS.contains(grid) || cameraIds.size() > grid) {
            throw new HnswException(VideoErrorCode.THRESHOLD_INVALID, "grid=" + grid + ", cameras=" + cameraIds.size());
        }
    }

    public DisplayTemplate updateDisplay(UUID id, String name, Integer grid, List<UUID> cameraIds) {
        DisplayTemplate d = display(id);
        List<UUID> list = cameraIds == null ? d.cameraIds() : checkedCameras(cameraIds);
        int g = grid == null ? d.grid() : grid;
        checkGrid(g, list);
        repo.updateDisplay(id, name == null || name.isBlank() ? d.name() : name, g, list);
        return display(id);
    }

    public DisplayTemplate publishDisplay(UUID id) {
        display(id);
        repo.publishDisplay(id);
        return display(id);
    }

    public void deleteDisplay(UUID id) {
        if (repo.deleteDisplay(id) == 0) {
            throw new HnswException(VideoErrorCode.TEMPLATE_NOT_FOUND, id);
        }
    }

    public DisplayTemplate display(UUID id) {
        return repo.display(id).orElseThrow(() -> new HnswException(VideoErrorCode.TEMPLATE_NOT_FOUND, id));
    }

    public List<DisplayTemplate> displays(boolean publishedOnly) {
        return repo.displays(publishedOnly);
    }

    /** 监控信号展示: the published layout's cameras in order, with their health and latest picture. */
    public List<Camera> show(UUID id) {
        DisplayTemplate d = display(id);
        if (!d.published()) {
            throw new HnswException(VideoErrorCode.TEMPLATE_NOT_PUBLISHED, d.name());
        }
        return d.cameraIds().stream().map(cameras::get).toList();
    }

    // ---- command tasks

    private static String checkLevel(String level) {
        if (level == null || !LEVELS.contains(level)) {
            throw new HnswException(VideoErrorCode.THRESHOLD_INVALID, "level=" + level);
        }
        return level;
    }

    public CommandTask createTask(String title, String level, List<UUID> cameraIds, List<String> officers,
            String audioChannel) {
        CommandTask t = new CommandTask(UUID.randomUUID(), title, checkLevel(level), checkedCameras(cameraIds),
                officers == null ? List.of() : List.copyOf(officers), audioChannel, "OPEN", Actors.current().username(),
                null, null);
        repo.insertTask(t);
        return task(t.id());
    }

    public CommandTask updateTask(UUID id, String title, String level, List<String> officers, String status) {
        CommandTask t = task(id);
        if (status != null && !status.equals("OPEN") && !status.equals("CLOSED")) {
            throw new HnswException(VideoErrorCode.THRESHOLD_INVALID, "status=" + status);
        }
        repo.updateTask(id, title == null || title.isBlank() ? t.title() : title,
                level == null ? t.level() : checkLevel(level), t.cameraIds(), officers == null ? t.officers() : officers,
                t.audioChannel(), status == null ? t.status() : status);
        return task(id);
    }

    /** 视频信号数据源新增/删除: a camera's signal joins or leaves the task; 修改: the whole list replaced. */
    public CommandTask addCamera(UUID id, UUID cameraId) {
        CommandTask t = task(id);
        cameras.get(cameraId);
        List<UUID> list = new ArrayList<>(t.cameraIds());
        if (!list.contains(cameraId)) {
            list.add(cameraId);
        }
        return setCameras(t, list);
    }

    public CommandTask removeCamera(UUID id, UUID cameraId) {
        CommandTask t = task(id);
        List<UUID> list = new ArrayList<>(t.cameraIds());
        if (!list.remove(cameraId)) {
            throw new HnswException(VideoErrorCode.CAMERA_NOT_FOUND, cameraId);
        }
        return setCameras(t, list);
    }

    public CommandTask replaceCameras(UUID id, List<UUID> cameraIds) {
        return setCameras(task(id), checkedCameras(cameraIds));
    }

    private CommandTask setCameras(CommandTask t, List<UUID> list) {
        repo.updateTask(t.id(), t.title(), t.level(), list, t.officers(), t.audioChannel(), t.status());
        return task(t.id());
    }

    /** 指挥音频配置: the talk group the task's officers speak on. */
    public CommandTask configureAudio(UUID id, String channel) {
        CommandTask t = task(id);
        repo.updateTask(id, t.title(), t.level(), t.cameraIds(), t.officers(), channel, t.status());
        return task(id);
    }

    public void deleteTask(UUID id) {
        if (repo.deleteTask(id) == 0) {
            throw new HnswException(VideoErrorCode.COMMAND_TASK_NOT_FOUND, id);
        }
    }

    public CommandTask task(UUID id) {
        return repo.task(id).orElseThrow(() -> new HnswException(VideoErrorCode.COMMAND_TASK_NOT_FOUND, id));
    }

    public List<CommandTask> tasks() {
        return repo.tasks();
    }

    /** 指挥任务 as the command desk sees it: the task, its cameras' health and pictures. */
    public record CommandView(CommandTask task, List<Camera> cameras) {
    }

    public CommandView view(UUID id) {
        CommandTask t = task(id);
        return new CommandView(t, t.cameraIds().stream().map(cameras::get).toList());
    }
}
