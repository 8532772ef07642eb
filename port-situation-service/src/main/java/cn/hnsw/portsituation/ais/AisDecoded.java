package cn.hnsw.portsituation.ais;

import dk.dma.ais.message.AisMessage;
import dk.dma.ais.message.AisMessage18;
import dk.dma.ais.message.AisMessage19;
import dk.dma.ais.message.AisMessage24;
import dk.dma.ais.message.AisMessage5;
import dk.dma.ais.message.AisPositionMessage;
import dk.dma.ais.message.IVesselPositionMessage;

import java.time.Instant;
import java.util.Optional;

/** Maps the library's decoded messages to the platform's {@link AisPosition} and {@link AisStatic}. */
public final class AisDecoded {

    private AisDecoded() {
    }

    /** The position of a class A (1, 2, 3) or class B (18, 19) report, when the report holds a valid position. */
    public static Optional<AisPosition> fix(AisMessage message, Instant receivedAt, String feeder) {
        return Optional.ofNullable(fixOrNull(message, receivedAt, feeder));
    }

    /** {@link #fix}, or null: for the receiving threads, which map every message. */
    static AisPosition fixOrNull(AisMessage message, Instant receivedAt, String feeder) {
        if (!(message instanceof IVesselPositionMessage position)) {
            return null;
        }
        var pos = position.getValidPosition();
        if (pos == null) {
            return null;
        }
        // ITU-R M.1371 "not available" values: SOG 1023, COG 3600, heading 511.
        Float sog = position.getSog() < 1023 ? position.getSog() / 10f : null;
        Float cog = position.getCog() < 3600 ? position.getCog() / 10f : null;
        Integer heading = position.getTrueHeading() < 360 ? position.getTrueHeading() : null;
        Integer navStatus = message instanceof AisPositionMessage a ? a.getNavStatus() : null;
        return new AisPosition(message.getUserId(), receivedAt, pos.getLatitude(), pos.getLongitude(),
                sog, cog, heading, navStatus, feeder);
    }

    /** Static and voyage data of message 5, 19 or 24. */
    public static Optional<AisStatic> staticData(AisMessage message, Instant receivedAt) {
        if (message instanceof AisMessage5 m) {
            return Optional.of(new AisStatic(m.getUserId(), receivedAt, text(m.getName()), text(m.getCallsign()),
                    m.getImo() > 0 ? (int) m.getImo() : null, shipType(m.getShipType()),
                    m.getDimBow() + m.getDimStern(), m.getDimPort() + m.getDimStarboard(), text(m.getDest()),
                    m.getDraught() > 0 ? m.getDraught() / 10f : null));
        }
        if (message instanceof AisMessage19 m) {
            return Optional.of(new AisStatic(m.getUserId(), receivedAt, text(m.getName()), null, null,
                    shipType(m.getShipType()), m.getDimBow() + m.getDimStern(), m.getDimPort() + m.getDimStarboard(),
                    null, null));
        }
        if (message instanceof AisMessage24 m) {
            return Optional.of(new AisStatic(m.getUserId(), receivedAt, text(m.getName()), text(m.getCallsign()), null,
                    m.getPartNumber() == 1 ? shipType(m.getShipType()) : null,
                    m.getPartNumber() == 1 ? m.getDimBow() + m.getDimStern() : null,
                    m.getPartNumber() == 1 ? m.getDimPort() + m.getDimStarboard() : null, null, null));
        }
        return Optional.empty();
    }

    static boolean isClassB(AisMessage message) {
        return message instanceof AisMessage18 || message instanceof AisMessage19;
    }

    private static String text(String s) {
        if (s == null) {
            return null;
        }
        String t = AisMessage.trimText(s).strip();
        return t.isEmpty() ? null : t;
    }

    /** ITU-R M.1371 ship type groups, in the words the screens use. */
    static String shipType(int code) {
        if (code >= 60 && code <= 69) {
            return "PASSENGER";
        }
        if (code >= 70 && code <= 79) {
            return "CARGO";
        }
        if (code >= 80 && code <= 89) {
            return "TANKER";
        }
        if (code == 30) {
            return "FISHING";
        }
        if (code == 52) {
            return "TUG";
        }
        if (code == 35) {
            return "MILITARY";
        }
        if (code == 55) {
            return "LAW_ENFORCEMENT";
        }
        return code <= 0 ? null : "OTHER";
    }
}
