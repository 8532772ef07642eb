package cn.hnsw.portsituation.ais;

import dk.dma.ais.message.AisMessage;
import dk.dma.ais.message.AisMessage1;
import dk.dma.ais.message.AisMessage5;
import dk.dma.ais.message.AisPosition;
import dk.dma.ais.sentence.CommentBlock;
import dk.dma.ais.sentence.Vdm;
import dk.dma.enav.model.geometry.Position;

import java.util.Arrays;
import java.util.List;

/** NMEA sentences for the tests, encoded by DMA AisLib as a real transponder's would be. */
public final class Nmea {

    private Nmea() {
    }

    public static List<String> position(int mmsi, double lat, double lon, double sogKnots, double cog, int navStatus) {
        AisMessage1 m = new AisMessage1();
        m.setUserId(mmsi);
        m.setPos(new AisPosition(Position.create(lat, lon)));
        m.setSog((int) Math.round(sogKnots * 10));
        m.setCog((int) Math.round(cog * 10));
        m.setTrueHeading((int) Math.round(cog) % 360);
        m.setNavStatus(navStatus);
        return encode(m, 0);
    }

    public static List<String> shipAndVoyage(int mmsi, String name, String callsign, int imo, int shipType, String dest,
                                             int sequence) {
        AisMessage5 m = new AisMessage5();
        m.setUserId(mmsi);
        m.setName(name);
        m.setCallsign(callsign);
        m.setImo(imo);
        m.setShipType(shipType);
        m.setDest(dest);
        m.setDimBow(80);
        m.setDimStern(20);
        m.setDimPort(8);
        m.setDimStarboard(8);
        m.setDraught(52);
        return encode(m, sequence);
    }

    /** A line prefixed with an NMEA 4 tag block carrying the feeder's line counter. */
    public static String numbered(String line, long n) {
        CommentBlock block = new CommentBlock();
        block.addString("s", "ais-feeder");
        block.addInt("n", (int) n);
        return block.encode() + line;
    }

    private static List<String> encode(AisMessage m, int sequence) {
        try {
            return Arrays.asList(Vdm.createSentences(m, sequence));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
