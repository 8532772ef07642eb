package cn.hnsw.video.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hnsw.video.face.FaceEngine.AnalyzedFace;
import cn.hnsw.video.face.FaceEngine.Landmarks;
import cn.hnsw.video.face.FaceTracker.TrackedFace;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Batched face nets and the frame-to-frame tracker, on the group photograph sample6 of {@code @vladmandic/face-api}
 * moved across a 1280×720 frame as a camera would see people pass.
 */
class FaceTrackerTest {

    private static FaceEngine engine;
    private static BufferedImage group;
    private static BufferedImage other;

    @BeforeAll
    static void load() {
        engine = FaceEngine.load(320, 1);
        group = RgbImage.readRaw(Path.of("target", "face-samples", "sample6.rgb")).toBufferedImage();
        other = RgbImage.readRaw(Path.of("target", "face-samples", "sample2.rgb")).toBufferedImage();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    /** The group photo drawn {@code dx} pixels to the right in a 720p frame. */
    static RgbImage frame(int dx) {
        return frame(group, dx);
    }

    static RgbImage frame(BufferedImage photo, int dx) {
        BufferedImage f = new BufferedImage(1280, 720, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = f.createGraphics();
        g.drawImage(photo, -120 + dx, -150, 1520, 1520 * photo.getHeight() / photo.getWidth(), null);
        g.dispose();
        return RgbImage.of(f);
    }

    @Test
    void allFacesOfAFrameInOneBatchComeOutAsFaceByFace() {
        RgbImage img = frame(0);
        List<AnalyzedFace> batched = engine.analyze(img, 0.5);
        assertThat(batched).hasSizeGreaterThanOrEqualTo(3);
        for (AnalyzedFace face : batched) {
            Landmarks alone = engine.landmarks(img, face.box());
            for (int i = 0; i < 68; i++) {
                assertThat(face.landmarks().xs()[i]).isCloseTo(alone.xs()[i], org.assertj.core.data.Offset.offset(1e-3));
                assertThat(face.landmarks().ys()[i]).isCloseTo(alone.ys()[i], org.assertj.core.data.Offset.offset(1e-3));
            }
            assertThat(FaceEngine.distance(face.descriptor(), engine.levelledDescriptor(img, alone))).isLessThan(1e-4);
        }
        // and the batched age/gender net agrees with one face at a time
        List<FaceEngine.AgeGender> ages = engine.ageGender(img, batched.stream().map(AnalyzedFace::landmarks).toList());
        for (int i = 0; i < batched.size(); i++) {
            FaceEngine.AgeGender alone = engine.ageGender(img, batched.get(i).landmarks());
            assertThat(ages.get(i).age()).isCloseTo(alone.age(), org.assertj.core.data.Offset.offset(1e-3));
            assertThat(ages.get(i).maleProbability()).isCloseTo(alone.maleProbability(),
                    org.assertj.core.data.Offset.offset(1e-4));
        }
    }

    @Test
    void aFaceIsDescribedOnceWhileItsTrackLasts() {
        FaceTracker tracker = FaceTracker.withDefaults(engine, 0.5);
        List<TrackedFace> first = tracker.process(frame(0));
        assertThat(first).hasSizeGreaterThanOrEqualTo(3).allMatch(TrackedFace::isNew);
        Set<Long> ids = first.stream().map(TrackedFace::trackId).collect(Collectors.toSet());
        for (int i = 1; i < 20; i++) {
            List<TrackedFace> faces = tracker.process(frame(3 * i));
            // the same people, on the same tracks, not described again
            assertThat(faces.stream().map(TrackedFace::trackId).collect(Collectors.toSet())).isEqualTo(ids);
            assertThat(faces).noneMatch(TrackedFace::isNew);
        }
        assertThat(tracker.described()).isEqualTo(first.size());
        assertThat(tracker.detections()).isEqualTo(20L * first.size());
        // the descriptor of the track is the one of the face it follows
        AnalyzedFace some = first.get(0).described();
        assertThat(engine.analyze(frame(0), 0.5).stream()
                .anyMatch(f -> FaceEngine.distance(f.descriptor(), some.descriptor()) < 1e-4)).isTrue();
    }

    @Test
    void aJumpStartsNewTracksAndLongTracksAreDescribedAgain() {
        FaceTracker tracker = new FaceTracker(engine, 0.5, 0.3, 0, 3, 1.5);
        List<TrackedFace> first = tracker.process(frame(0));
        int n = first.size();
        Set<Long> before = first.stream().map(TrackedFace::trackId).collect(Collectors.toSet());
        // a cut to another scene: every face is new and the old tracks end (maxMissed 0)
        List<TrackedFace> cut = tracker.process(frame(other, 0));
        assertThat(cut).isNotEmpty().allMatch(TrackedFace::isNew);
        Set<Long> after = cut.stream().map(TrackedFace::trackId).collect(Collectors.toCollection(HashSet::new));
        after.retainAll(before);
        assertThat(after).isEmpty();
        assertThat(tracker.activeTracks()).isEqualTo(cut.size());
        // re-described every third frame on a steady view
        int described = 0;
        for (int i = 0; i < 6; i++) {
            described += (int) tracker.process(frame(other, 0)).stream().filter(TrackedFace::isNew).count();
        }
        assertThat(described).isEqualTo(2 * cut.size());
        assertThat(n).isGreaterThanOrEqualTo(3);
    }

    @Test
    void refusesParametersThatCannotTrack() {
        assertThatThrownBy(() -> new FaceTracker(engine, 0.5, 0, 5, 50, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaceTracker(engine, 0.5, 0.3, 5, 0, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaceTracker(engine, 0.5, 0.3, 5, 50, 1.0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
