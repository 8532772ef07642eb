package cn.hnsw.portsituation.gate;

import java.util.EnumSet;
import java.util.Set;

/**
 * The gate collection-and-release loop (S4 §3.1): captured → recorded → reported → decided → guided → displayed.
 * Gates without a report step stop at RECORDED; gates that do not guide go from DECIDED straight to DISPLAYED.
 */
public enum PassState {
    RECORDED, REPORTED, DECIDED, GUIDED, DISPLAYED;

    public Set<PassState> next() {
        return switch (this) {
            case RECORDED -> EnumSet.of(REPORTED);
            case REPORTED -> EnumSet.of(DECIDED);
            case DECIDED -> EnumSet.of(GUIDED, DISPLAYED);
            case GUIDED -> EnumSet.of(DISPLAYED);
            case DISPLAYED -> EnumSet.noneOf(PassState.class);
        };
    }
}
