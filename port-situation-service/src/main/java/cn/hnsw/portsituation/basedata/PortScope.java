package cn.hnsw.portsituation.basedata;

import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The data scope the port RBAC gives a signed-in officer (FP 606–627: "maintain organisation info to control data
 * access"): a login registered as a port user sees only the port its organisation is limited to (unless it holds
 * {@code DATA_ALL_PORTS}) and handles alerts only with {@code ALERT_HANDLE}; a login not registered keeps what its
 * platform roles give.
 */
@Component
public class PortScope {

    private final PortAdminService admin;

    public PortScope(PortAdminService admin) {
        this.admin = admin;
    }

    /** What the port RBAC says of one login. */
    public record Scope(boolean registered, String portCode, List<String> permissions) {

        /** The port a list is limited to, or null for all. */
        public String port() {
            return registered ? portCode : null;
        }

        public boolean mayHandleAlerts() {
            return !registered || permissions.contains("ALERT_HANDLE");
        }
    }

    public Scope of(String username) {
        PortAdmin.Mine mine = admin.mine(username);
        return new Scope(mine.registered(), mine.portCode(), mine.permissions());
    }
}
