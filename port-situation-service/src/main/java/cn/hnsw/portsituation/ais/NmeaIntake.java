package cn.hnsw.portsituation.ais;

import dk.dma.ais.message.AisMessage;
import dk.dma.ais.sentence.CommentBlock;
import dk.dma.ais.sentence.SentenceException;
import dk.dma.ais.sentence.Vdm;

import java.util.Optional;

/**
 * NMEA 0183 intake of one AIS feeder connection: checksum, multi-sentence assembly and decoding, all by DMA AisLib.
 * Every line either yields a message, waits for the rest of its sentence group, or is counted under a
 * {@link DropReason} and dropped; nothing a feeder sends stops the stream. One instance per connection (not
 * thread-safe), since fragments of a multi-sentence message arrive in order on one link.
 */
public final class NmeaIntake {

    /** Why a line was dropped. */
    public enum DropReason {
        /** the checksum does not match (or there is none) */
        BAD_CHECKSUM,
        /** not an AIVDM/AIVDO sentence, or not NMEA at all */
        GARBAGE,
        /** a multi-sentence message with a missing, repeated or out-of-order fragment */
        TRUNCATED_MULTIPART,
        /** well-formed NMEA whose payload is not a valid AIS message */
        UNDECODABLE
    }

    /** Told of lines the feeder numbered but never sent (tag block {@code n:}), to ask for them again (补发). */
    @FunctionalInterface
    public interface GapListener {
        void missing(long fromLine, long toLine);
    }

    private final IntakeStats stats;
    private final GapListener gaps;
    private Vdm pending;
    private long lastLine = -1;

    public NmeaIntake(IntakeStats stats) {
        this(stats, (from, to) -> { });
    }

    public NmeaIntake(IntakeStats stats, GapListener gaps) {
        this.stats = stats;
        this.gaps = gaps;
    }

    /** Offers one line; returns the decoded message when the line completes one. */
    public Optional<AisMessage> offer(String rawLine) {
        return Optional.ofNullable(next(rawLine));
    }

    /** {@link #offer}, or null where it gives nothing: for the receiving threads, which offer every line. */
    public AisMessage next(String rawLine) {
        stats.received();
        String line = rawLine == null ? "" : rawLine.strip();
        if (line.isEmpty() || !Vdm.isVdm(line)) {
            stats.dropped(DropReason.GARBAGE);
            return null;
        }
        if (line.charAt(0) == '\\') {
            lineNumber(line);
        }
        Vdm vdm = pending != null ? pending : new Vdm();
        int state;
        try {
            state = vdm.parse(line);
        } catch (SentenceException e) {
            return refuse(line, e);
        } catch (RuntimeException e) {
            pending = null;
            stats.dropped(DropReason.GARBAGE);
            return null;
        }
        if (state != 0) {
            pending = vdm;
            return null;
        }
        pending = null;
        try {
            AisMessage message = AisMessage.getInstance(vdm);
            stats.decoded();
            return message;
        } catch (Exception e) {
            stats.dropped(DropReason.UNDECODABLE);
            return null;
        }
    }

    private AisMessage refuse(String line, SentenceException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("checksum")) {
            stats.dropped(DropReason.BAD_CHECKSUM);
            return null;
        }
        if (pending != null) {
            // The group in progress lost a fragment: count it, then read this line as the start of a new group.
            pending = null;
            stats.droppedGroup(DropReason.TRUNCATED_MULTIPART);
            stats.unreceived();
            return next(line);
        }
        stats.dropped(message.contains("sequence") || message.contains("fragment") || message.contains("number")
                ? DropReason.TRUNCATED_MULTIPART : DropReason.GARBAGE);
        return null;
    }

    /** Reads the feeder's line counter from the NMEA 4 tag block and reports a jump as a gap. */
    private void lineNumber(String line) {
        Long n;
        try {
            CommentBlock block = new CommentBlock();
            block.addLine(line);
            n = block.getLong("n");
        } catch (Exception e) {
            return;
        }
        if (n == null) {
            return;
        }
        if (lastLine >= 0 && n > lastLine + 1) {
            stats.gap(n - lastLine - 1);
            gaps.missing(lastLine + 1, n - 1);
        }
        if (n > lastLine) {
            lastLine = n;
        }
    }

    /** True while a multi-sentence message waits for its remaining fragments. */
    public boolean awaitingFragments() {
        return pending != null;
    }

    /** Ends the connection: a group still waiting is truncated. */
    public void close() {
        if (pending != null) {
            pending = null;
            stats.droppedGroup(DropReason.TRUNCATED_MULTIPART);
        }
    }
}
