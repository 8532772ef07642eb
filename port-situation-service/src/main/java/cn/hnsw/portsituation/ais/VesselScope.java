package cn.hnsw.portsituation.ais;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.portsituation.basedata.BaseDataErrorCode;
import cn.hnsw.portsituation.basedata.PortScope;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The port data scope ({@link PortScope}) on vessels. A vessel is "of a port" while its position lies inside one of that
 * port's confirmed water areas (the restricted areas, channels and anchorages of {@code zone} with the port's code,
 * watched or not): the AIS feed carries no berth or call, and a position is what every query here has. So an officer
 * registered as a port user of a port-limited organisation sees the vessels whose latest position is in their port's
 * waters, the historical positions that lay there, and a vessel's track cut to the fixes in those waters; a port with no
 * confirmed water area shows no vessel. A login not registered (the customs query module, as the platform roles give it)
 * and a port user of an organisation with no port or with {@code DATA_ALL_PORTS} (the command centre) see every vessel.
 */
@Component
public class VesselScope {

    private final PortScope scope;
    private final WatchAreaRepository areas;

    VesselScope(PortScope scope, WatchAreaRepository areas) {
        this.scope = scope;
        this.areas = areas;
    }

    /** Where the signed-in officer may see vessels; looked up once per call, not per position. */
    public Waters current() {
        String port = scope.current();
        return port == null ? new Waters(null, List.of()) : new Waters(port, areas.findConfirmed(port));
    }

    /** The waters of one port, or all waters when {@code port} is null. */
    public record Waters(String port, List<WatchArea> areas) {

        public boolean limited() {
            return port != null;
        }

        public boolean contains(double latitude, double longitude) {
            if (port == null) {
                return true;
            }
            for (WatchArea a : areas) {
                if (a.contains(latitude, longitude)) {
                    return true;
                }
            }
            return false;
        }

        public boolean contains(Object latitude, Object longitude) {
            return latitude instanceof Number lat && longitude instanceof Number lon
                    && contains(lat.doubleValue(), lon.doubleValue());
        }

        /** Refuses ({@code PORT_SCOPE}, 403) a position outside these waters. */
        public void check(double latitude, double longitude) {
            if (!contains(latitude, longitude)) {
                throw new HnswException(BaseDataErrorCode.PORT_SCOPE, port);
            }
        }
    }
}
