package cn.hnsw.video.watchlist;

import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.security.Roles;
import java.util.List;

/**
 * 布控任务可见范围 — who sees a watch-list task (its detail, targets, history, monitoring, anomalies, and the task
 * list). Officer access follows role and organisation: a platform administrator sees every task; an officer or a
 * reviewer sees the tasks of their own organisation (the task's organisation is one of theirs or lies below it, so a
 * reviewer of {@code /haikou-customs} sees the tasks of {@code /haikou-customs/meilan}), the tasks they submitted and
 * the tasks they are bound to (the task's officers, the same officers its alerts go to, FP 1126). A task without an
 * organisation (submitted with a token naming none) is seen, beside its submitter and officers, by those whose token
 * names none either and by reviewers (it falls under no organisation's reviewers, and it must still be reviewed).
 * Changing a task (review, revision, withdrawal, re-control, deletion) takes seeing it first (WatchlistService).
 */
public record TaskViewer(String username, List<String> organizations, boolean seesAll, boolean reviewer) {

    public TaskViewer {
        organizations = organizations == null ? List.of()
                : organizations.stream().filter(o -> o != null && !o.isBlank()).map(TaskViewer::trimmed).toList();
    }

    public static TaskViewer of(CurrentActor actor) {
        return new TaskViewer(actor.username(), actor.organizations(), actor.hasRole(Roles.PLATFORM_ADMIN),
                actor.hasRole(Roles.CUSTOMS_REVIEWER));
    }

    public boolean sees(WatchlistTask task) {
        if (seesAll || username.equals(task.createdBy()) || task.officers().contains(username)) {
            return true;
        }
        String org = task.organization();
        if (org == null || org.isBlank()) {
            // no organisation on either side (a token without groups): the same, unassigned organisation; no
            // organisation's reviewer covers such a task, so every reviewer does
            return organizations.isEmpty() || reviewer;
        }
        return organizations.stream().anyMatch(o -> org.equals(o) || org.startsWith(o + "/"));
    }

    /**
     * Whether a task may be submitted for the organisation: an administrator names any; an officer only one of their
     * own organisations or a unit below one (so {@code /haikou-customs/meilan} names {@code /haikou-customs/meilan/inspection},
     * never {@code /sanya-customs} nor {@code /haikou-customs/meilan2}). An officer whose token names no organisation
     * names none.
     */
    public boolean mayAssign(String organization) {
        if (seesAll) {
            return true;
        }
        String org = trimmed(organization);
        return organizations.stream().anyMatch(o -> org.equals(o) || org.startsWith(o + "/"));
    }

    private static String trimmed(String groupPath) {
        String p = groupPath.trim();
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
