package cn.hnsw.portsituation.alert;

import cn.hnsw.common.events.Alert;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.security.Roles;

import java.util.List;

/**
 * Which alerts an officer sees: platform administrators and single-window operators see all; other officers see
 * alerts bound to them by name, alerts of their organisation (or one above it) and alerts addressed to no organisation.
 */
public record AlertAudience(boolean everything, String username, List<String> organizations) {

    public static AlertAudience of(CurrentActor actor) {
        boolean all = actor.hasAnyRole(List.of(Roles.PLATFORM_ADMIN, Roles.SW_OPERATOR));
        return new AlertAudience(all, actor.username(), actor.organizations() == null ? List.of() : actor.organizations());
    }

    public boolean sees(Alert alert) {
        if (everything) {
            return true;
        }
        if (!alert.recipients().isEmpty()) {
            return alert.recipients().contains(username);
        }
        String org = alert.organization();
        return org == null || organizations.stream().anyMatch(o -> o.equals(org) || o.startsWith(org + "/"));
    }
}
