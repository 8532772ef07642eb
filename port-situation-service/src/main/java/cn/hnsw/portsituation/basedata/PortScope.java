package cn.hnsw.portsituation.basedata;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.HnswException;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.Predicate;

/**
 * The data scope the port RBAC gives a signed-in officer (FP 606–627: "maintain organisation info to control data
 * access"): a login registered as a port user sees only the port its organisation is limited to (unless it holds
 * {@code DATA_ALL_PORTS}) and handles alerts only with {@code ALERT_HANDLE}; a login not registered keeps what its
 * platform roles give. Beside alerts, the same scope limits gates and their passes, facilities, containers, the match
 * degree and the AIS watch areas ({@link #limit}, {@link #check}, {@link #visible}).
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

    /** The port the signed-in officer is limited to, or null for all. */
    public String current() {
        return of(Actors.current().username()).port();
    }

    /**
     * The port a query of the signed-in officer runs for: the one asked for (null: all) when not limited; when limited,
     * their own port, and another port asked for is refused ({@code PORT_SCOPE}, 403).
     */
    public String limit(String requested) {
        String port = current();
        if (port == null) {
            return requested == null || requested.isBlank() ? null : requested.strip();
        }
        if (requested != null && !requested.isBlank() && !requested.strip().equals(port)) {
            throw new HnswException(BaseDataErrorCode.PORT_SCOPE, port);
        }
        return port;
    }

    /** Refuses ({@code PORT_SCOPE}, 403) a record of {@code portCode} to an officer limited to another port. */
    public void check(String portCode) {
        String port = current();
        if (port != null && !port.equals(portCode)) {
            throw new HnswException(BaseDataErrorCode.PORT_SCOPE, port);
        }
    }

    /**
     * Refuses ({@code WATERS_CONFIRM_SCOPE}, 403) an officer limited to a port: what only the command centre or an
     * administrator does, such as confirming a water area (which widens the vessels a port's officers see).
     */
    public void requireAllPorts() {
        String port = current();
        if (port != null) {
            throw new HnswException(BaseDataErrorCode.WATERS_CONFIRM_SCOPE, port);
        }
    }

    /** Refuses ({@code IMPORT_SCOPE}, 403) an Excel import to an officer limited to a port (its rows may be of any port). */
    public void requireAllPortsForImport() {
        String port = current();
        if (port != null) {
            throw new HnswException(BaseDataErrorCode.IMPORT_SCOPE, port);
        }
    }

    /**
     * Which ports' records the signed-in officer may see, for filtering lists: the scope is looked up once, when this is
     * called, not per record.
     */
    public Predicate<String> visible() {
        String port = current();
        return port == null ? portCode -> true : port::equals;
    }
}
