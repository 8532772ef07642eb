package cn.hnsw.portsituation.gate;

/**
 * 卡口管理与控制系统 (GateControlAdapter): relays the release instruction to the gate, which publishes it, guides the
 * vehicle where the gate does that, and displays the result. Returns normally once the gate confirmed it.
 */
public interface GateControlAdapter {

    /** What the gate is told. */
    record ReleaseInstruction(String passId, String gateCode, Integer lane, String plateNumber, String containerNumber,
                              ReleaseDecision decision, String guidanceZh, String guidanceEn, boolean guide) {
    }

    /** Throws {@link GateRelayException} when the gate did not take it (retried later). */
    void relay(ReleaseInstruction instruction);

    /** The gate could not be reached or refused the instruction. */
    class GateRelayException extends RuntimeException {
        public GateRelayException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
