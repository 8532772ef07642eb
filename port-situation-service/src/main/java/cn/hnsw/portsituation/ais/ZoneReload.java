package cn.hnsw.portsituation.ais;

import cn.hnsw.portsituation.basedata.ZonesChanged;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** After a committed change to the zones, the AIS warnings watch the confirmed, active water zones again. */
@Component
class ZoneReload {

    private final AisWatch watch;
    private final WatchAreaRepository areas;

    ZoneReload(AisWatch watch, WatchAreaRepository areas) {
        this.watch = watch;
        this.areas = areas;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void reload(ZonesChanged changed) {
        watch.areas(areas.findActive());
    }
}
