package cn.hnsw.video.behavior;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hnsw.video.behavior.BehaviorAnalyzer.BehaviorEvent;
import cn.hnsw.video.face.RgbImage;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Behaviour analysis on generated clips with known ground truth: a hall floor with sensor noise, people as figures
 * that walk, run, stand about, gather or fight, and a bag that is left or taken. Quiet clips raise nothing.
 */
public class BehaviorAnalyzerTest {

    public static final int W = 320;
    public static final int H = 180;
    static final int FPS = 10;
    static final BufferedImage FLOOR = floor();

    static BufferedImage floor() {
        BufferedImage f = new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR);
        Random r = new Random(7);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                // grey tiles, light and dark, with a little colour in every pixel
                int tile = ((x / 20) + (y / 20)) % 2 == 0 ? 120 : 190;
                f.setRGB(x, y, new Color(tile + r.nextInt(17) - 8, tile + r.nextInt(17) - 8,
                        tile + r.nextInt(17) - 8).getRGB());
            }
        }
        return f;
    }

    /** A scene: figures at positions, optional bag; then sensor noise. */
    public record Figure(double x, double y) {
    }

    public static RgbImage frame(List<Figure> people, int[] bag, int seed) {
        BufferedImage f = new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = f.createGraphics();
        g.drawImage(FLOOR, 0, 0, null);
        if (bag != null) {
            for (int y = 0; y < 12; y++) {
                for (int x = 0; x < 16; x++) {
                    g.setColor(((x / 2 + y / 2) % 2 == 0) ? new Color(200, 30, 30) : new Color(30, 30, 120));
                    g.fillRect(bag[0] + x, bag[1] + y, 1, 1);
                }
            }
        }
        g.setColor(new Color(45, 40, 60));
        for (Figure p : people) {
            g.fillRect((int) p.x() - 5, (int) p.y() - 13, 10, 26);
        }
        g.dispose();
        RgbImage img = RgbImage.of(f);
        Random r = new Random(seed);
        byte[] rgb = img.rgb().clone();
        for (int i = 0; i < rgb.length; i++) {
            int v = (rgb[i] & 0xff) + (int) Math.round(r.nextGaussian() * 2);
            rgb[i] = (byte) Math.max(0, Math.min(255, v));
        }
        return new RgbImage(W, H, rgb);
    }

    static List<BehaviorEvent> run(BehaviorRules rules, int frames, IntFunction<RgbImage> clip) {
        BehaviorAnalyzer a = new BehaviorAnalyzer(rules);
        List<BehaviorEvent> out = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            out.addAll(a.accept(clip.apply(i), i * 1000L / FPS));
        }
        return out;
    }

    static List<BehaviorKind> kinds(List<BehaviorEvent> events) {
        return events.stream().map(BehaviorEvent::kind).distinct().toList();
    }

    @Test
    void peopleWalkingThroughRaiseNothing() {
        // two walkers at 0.1 and 0.15 frame widths per second, through the hall in opposite directions
        List<BehaviorEvent> events = run(BehaviorRules.defaults(), 70, i -> frame(List.of(
                new Figure(20 + i * 3.2, 70), new Figure(300 - i * 4.8, 130)), null, i));
        assertThat(events).isEmpty();
    }

    @Test
    void aRunnerIsFound() {
        // the runner enters at 2 s and crosses the hall at 0.6 frame widths per second
        List<BehaviorEvent> events = run(BehaviorRules.defaults(), 45, i -> frame(i < 20
                ? List.of(new Figure(20 + i * 3.2, 70))
                : List.of(new Figure(20 + i * 3.2, 70), new Figure(Math.min(310, 10 + (i - 20) * 19.2), 120)), null, i));
        assertThat(kinds(events)).containsExactly(BehaviorKind.RUNNING);
    }

    @Test
    void someoneStayingLongInTheRegionLoiters() {
        BehaviorRules rules = new BehaviorRules(new double[] {0.5, 0.3, 0.45, 0.6}, 0.35, 0.8, 8, 5, 2, 0.25, 1, 4,
                0.0015);
        // wanders slowly around (230, 110) for 12 s; a walker passes through the region without stopping
        List<BehaviorEvent> events = run(rules, 120, i -> frame(List.of(
                new Figure(230 + 25 * Math.sin(i / 12.0), 110 + 15 * Math.cos(i / 9.0)),
                new Figure(10 + i * 2.6, 60)), null, i));
        assertThat(kinds(events)).containsExactly(BehaviorKind.LOITERING);
        assertThat(events.get(0).endMs() - events.get(0).startMs()).isGreaterThanOrEqualTo(8000);
    }

    @Test
    void aGatheringIsACrowdAndFourPeopleAreNot() {
        BehaviorRules rules = new BehaviorRules(new double[] {0, 0, 1, 1}, 0.35, 0.8, 60, 5, 2, 0.25, 1, 30, 0.0015);
        IntFunction<List<Figure>> group = i -> {
            List<Figure> people = new ArrayList<>();
            if (i < 18) {
                return people;
            }
            double arrive = Math.min(1, (i - 18) / 12.0);
            for (int k = 0; k < 6; k++) {
                double tx = 60 + k * 40 + 6 * Math.sin(i / 5.0 + k);
                double ty = 60 + (k % 2) * 60 + 5 * Math.cos(i / 4.0 + k);
                people.add(new Figure(tx, k % 2 == 0 ? 5 + (ty - 5) * arrive : 175 - (175 - ty) * arrive));
            }
            return people;
        };
        assertThat(kinds(run(rules, 70, i -> frame(group.apply(i), null, i)))).containsExactly(BehaviorKind.CROWD);
        assertThat(run(rules, 70, i -> frame(group.apply(i).subList(0, Math.min(4, group.apply(i).size())), null, i)))
                .isEmpty();
    }

    @Test
    void violentMotionInTheRegionIsFound() {
        BehaviorRules rules = new BehaviorRules(new double[] {0.4, 0.3, 0.25, 0.45}, 5, 0.8, 60, 50, 2, 0.15, 1.0, 30,
                0.0015);
        Random r = new Random(3);
        List<BehaviorEvent> events = run(rules, 50, i -> {
            List<Figure> people = new ArrayList<>();
            for (int k = 0; i >= 20 && k < 6; k++) {
                people.add(new Figure(140 + r.nextInt(60), 70 + r.nextInt(50)));
            }
            return frame(people, null, i);
        });
        assertThat(kinds(events)).containsExactly(BehaviorKind.VIOLENT_MOTION);
        // one person walking through the same region is no fight
        assertThat(run(rules, 60, i -> frame(List.of(new Figure(20 + i * 4.0, 95)), null, i))).isEmpty();
    }

    @Test
    void aBagLeftBehindAndABagTakenAway() {
        BehaviorRules rules = BehaviorRules.defaults();
        // carrier walks in with the bag, puts it down at (150, 120) at 3 s, walks on and out
        List<BehaviorEvent> left = run(rules, 110, i -> {
            double x = 10 + i * 3.0;
            int[] bag = i < 30 ? new int[] {(int) x - 8, 125} : new int[] {92, 125};
            return frame(List.of(new Figure(x, 110)), bag, i);
        });
        assertThat(kinds(left)).containsExactly(BehaviorKind.LEFT_BEHIND);

        // the bag stands there from the start; someone comes, picks it up at 3 s and carries it away
        List<BehaviorEvent> lost = run(rules, 110, i -> {
            double x = 10 + i * 3.0;
            int[] bag = i < 30 ? new int[] {92, 125} : new int[] {(int) x - 8, 125};
            return frame(List.of(new Figure(x, 110)), i < 30 || x < 320 ? bag : null, i);
        });
        assertThat(kinds(lost)).containsExactly(BehaviorKind.ITEM_LOST);
    }
}
