package cn.hnsw.bench.video;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene103.Lucene103Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.VectorUtil;

/**
 * 1:N search driver: Lucene HNSW configured as video-analytics-service's {@code VectorIndex} (one 128-d float field,
 * Euclidean, the feature library as a filter term) over N stored descriptors, measured against exact search.
 *
 * <h2>Descriptor model ({@code --model face}, the default)</h2>
 * Synthetic, calibrated on the 17 real face-api descriptors of the package photographs
 * ({@code video-analytics-service/src/test/resources/face/face-api-reference.json}, see docs/video-analytics.md):
 * <ul>
 *   <li>a common mean of norm 1.34 (the real descriptors' mean has norm 1.34, their norms are 1.28–1.50);</li>
 *   <li>identities drawn from a Gaussian whose variance spectrum decays as 1/k over a random orthonormal basis of all
 *       128 dimensions (participation ratio 18). Seventeen identities drawn this way show a sample participation ratio of
 *       10.2 and a first principal share of 0.21; the 17 real descriptors show 9.3 and 0.21. Learned face embeddings are
 *       known to have a low intrinsic dimension; this is the shape that matches what we can measure;</li>
 *   <li>captures of an identity: the identity's centre plus isotropic noise, scaled so that two captures of one person
 *       are 0.35 apart (face-api's match threshold is 0.6) and two different people 0.74 (the real photographs: 0.74 mean,
 *       0.42 closest);</li>
 *   <li>N stored captures of N / captures-per-identity identities; each query is a fresh capture of a random stored
 *       identity.</li>
 * </ul>
 * {@code --model isotropic} spreads identities evenly over all 128 dimensions at the same distances: the worst case for
 * a graph index, not what face descriptors look like.
 *
 * <h2>Formats</h2>
 * {@code --format float} stores 32-bit vectors in the graph; {@code --format int7} is Lucene's
 * {@code Lucene99HnswScalarQuantizedVectorsFormat}: the graph is searched on 7-bit quantized vectors (a quarter of the
 * bytes per distance) and the float vectors are kept beside them; {@code --rerank R} re-ranks the graph's best R
 * candidates by exact distance on those float vectors. The index is built from one RAM flush and force-merged to one
 * segment, and {@code --add-modules jdk.incubator.vector} lets Lucene score with SIMD.
 *
 * <h2>What it reports</h2>
 * For each number of candidates (Lucene's k, the beam of the search): p50/p99 latency of the query including reading
 * the stored id of the best hit (the service's path), the same percentiles of the query thread's CPU time (what the
 * query costs without waiting for a core: the machine the figures come from is shared), recall@1 (the best hit is exact search's best) and identity@1
 * (the best hit is a capture of the query's person; exact search's own identity@1 is printed for reference). The index
 * is kept in {@code --index-dir} and reused when its parameters match, so a second run sweeps candidates without a
 * rebuild; the vectors are regenerated from the seed.
 *
 * <p>Run (it needs only lucene-core; the vector module makes Lucene use SIMD):
 * <pre>
 * java -Xmx6g --add-modules jdk.incubator.vector -cp ~/.m2/repository/org/apache/lucene/lucene-core/10.3.2/lucene-core-10.3.2.jar \
 *   bench/src/main/java/cn/hnsw/bench/video/VectorSearchBench.java --n 1000000 --per-identity 4 --m 16 --beam 100 \
 *   --candidates 10,50,100,200 --queries 1000 --index-dir var/bench/hnsw-1m
 * </pre>
 */
public final class VectorSearchBench {

    static final int DIM = 128;
    static final double MEAN_NORM = 1.34;
    static final double DIFFERENT_PERSON = 0.74;
    static final double SAME_PERSON = 0.35;
    static final double SPECTRUM_DECAY = 1.0;

    public static void main(String[] args) throws Exception {
        Map<String, String> a = options(args);
        int n = Integer.parseInt(a.getOrDefault("n", "100000"));
        int perIdentity = Integer.parseInt(a.getOrDefault("per-identity", "4"));
        int queries = Integer.parseInt(a.getOrDefault("queries", "1000"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "200"));
        int maxConn = Integer.parseInt(a.getOrDefault("m", "16"));
        int beamWidth = Integer.parseInt(a.getOrDefault("beam", "100"));
        String model = a.getOrDefault("model", "face");
        String format = a.getOrDefault("format", "float");
        boolean filter = Boolean.parseBoolean(a.getOrDefault("filter", "true"));
        // exact re-rank of the graph's candidates with the stored float vectors (0: take the graph's order)
        int rerank = Integer.parseInt(a.getOrDefault("rerank", "0"));
        long seed = Long.parseLong(a.getOrDefault("seed", "42"));
        int[] candidates = Arrays.stream(a.getOrDefault("candidates", "10,50,100,200").split(","))
                .mapToInt(Integer::parseInt).toArray();
        Path dir = Path.of(a.getOrDefault("index-dir",
                "var/bench/hnsw-" + model + "-" + n + "-m" + maxConn + "-b" + beamWidth + "-" + format));

        long t0 = System.nanoTime();
        DescriptorModel descriptors = new DescriptorModel(model, n / perIdentity, seed);
        float[][] stored = new float[n][];
        int[] identityOf = new int[n];
        for (int i = 0; i < n; i++) {
            identityOf[i] = i / perIdentity;
            stored[i] = descriptors.capture(identityOf[i]);
        }
        System.out.printf(Locale.ROOT, "generated %d descriptors of %d identities (%s model) in %.1fs; %s%n", n,
                n / perIdentity, model, (System.nanoTime() - t0) / 1e9, descriptors.describe(stored));

        String signature = String.join(" ", model, Integer.toString(n), Integer.toString(perIdentity),
                Long.toString(seed), Integer.toString(maxConn), Integer.toString(beamWidth), format);
        double buildS = ensureIndex(dir, signature, stored, maxConn, beamWidth, format);

        int total = warmup + queries;
        float[][] qs = new float[total][];
        int[] queryIdentity = new int[total];
        int[] truth = new int[total];
        long exactNanos = 0;
        int exactIdentityHits = 0;
        for (int q = 0; q < total; q++) {
            queryIdentity[q] = descriptors.randomIdentity();
            qs[q] = descriptors.capture(queryIdentity[q]);
            long s = System.nanoTime();
            truth[q] = exactNearest(stored, qs[q]);
            exactNanos += System.nanoTime() - s;
            if (q >= warmup && identityOf[truth[q]] == queryIdentity[q]) {
                exactIdentityHits++;
            }
        }
        System.out.printf(Locale.ROOT,
                "N=%d M=%d beam=%d format=%s filter=%s rerank=%d build=%s exact: mean %.1f ms per query, identity@1 %.4f%n",
                n, maxConn, beamWidth, format, filter, rerank, buildS < 0 ? "reused" : String.format(Locale.ROOT, "%.0fs", buildS),
                exactNanos / 1e6 / total, (double) exactIdentityHits / queries);
        System.out.printf(Locale.ROOT, "  heap used %.0f MiB of max %.0f MiB; load average %.2f%n",
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        try (FSDirectory fs = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(fs)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            // wall time on a shared machine includes waiting for a core; the thread's CPU time is what a query costs
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            System.out.printf(Locale.ROOT, "  index: %d segment(s), %d docs, %.0f MiB on disk%n",
                    reader.leaves().size(), reader.numDocs(), sizeOf(dir) / 1048576.0);
            for (int k : candidates) {
                long[] latency = new long[queries];
                long[] cpu = new long[queries];
                int hits = 0;
                int identityHits = 0;
                for (int q = 0; q < total; q++) {
                    long c0 = threads.getCurrentThreadCpuTime();
                    long s = System.nanoTime();
                    Query query = filter
                            ? new KnnFloatVectorQuery("v", qs[q], k, new TermQuery(new Term("lib", "SNAPSHOT")))
                            : new KnnFloatVectorQuery("v", qs[q], k);
                    int bestDoc;
                    if (rerank > 0) {
                        TopDocs top = searcher.search(query, Math.min(k, rerank));
                        bestDoc = rerankBest(reader, top, qs[q]);
                    } else {
                        bestDoc = searcher.search(query, 1).scoreDocs[0].doc;
                    }
                    StoredFields fields = searcher.storedFields();
                    int found = fields.document(bestDoc).getField("id").numericValue().intValue();
                    long e = System.nanoTime();
                    long c1 = threads.getCurrentThreadCpuTime();
                    if (q >= warmup) {
                        latency[q - warmup] = e - s;
                        cpu[q - warmup] = c1 - c0;
                        hits += found == truth[q] ? 1 : 0;
                        identityHits += identityOf[found] == queryIdentity[q] ? 1 : 0;
                    }
                }
                Arrays.sort(latency);
                Arrays.sort(cpu);
                System.out.printf(Locale.ROOT,
                        "  candidates=%-4d queries=%d p50=%.2fms p99=%.2fms max=%.2fms | cpu p50=%.2fms p99=%.2fms"
                                + " | recall@1=%.4f identity@1=%.4f load=%.1f%n",
                        k, queries, latency[queries / 2] / 1e6, latency[(int) (queries * 0.99)] / 1e6,
                        latency[queries - 1] / 1e6, cpu[queries / 2] / 1e6, cpu[(int) (queries * 0.99)] / 1e6,
                        (double) hits / queries, (double) identityHits / queries,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
        }
    }

    /**
     * The candidate nearest to {@code q} by exact Euclidean distance on the stored float vectors (the quantized format
     * keeps them beside the int7 copy the graph is searched with).
     */
    static int rerankBest(DirectoryReader reader, TopDocs top, float[] q) throws IOException {
        int best = -1;
        float bestD = Float.MAX_VALUE;
        List<LeafReaderContext> leaves = reader.leaves();
        for (ScoreDoc sd : top.scoreDocs) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
            FloatVectorValues values = leaf.reader().getFloatVectorValues("v");
            KnnVectorValues.DocIndexIterator it = values.iterator();
            int local = sd.doc - leaf.docBase;
            if (it.advance(local) != local) {
                continue;
            }
            float d = VectorUtil.squareDistance(values.vectorValue(it.index()), q);
            if (d < bestD) {
                bestD = d;
                best = sd.doc;
            }
        }
        return best;
    }

    /** Builds the index unless {@code dir} already holds one with this signature; returns seconds, or -1 if reused. */
    static double ensureIndex(Path dir, String signature, float[][] stored, int maxConn, int beamWidth, String format)
            throws IOException {
        if (Files.isDirectory(dir)) {
            try (FSDirectory fs = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(fs)) {
                if (signature.equals(reader.getIndexCommit().getUserData().get("signature"))) {
                    return -1;
                }
            } catch (IOException notAnIndex) {
                // rebuilt below
            }
        }
        Files.createDirectories(dir);
        KnnVectorsFormat vectors = "int7".equals(format)
                ? new Lucene99HnswScalarQuantizedVectorsFormat(maxConn, beamWidth)
                : new Lucene99HnswVectorsFormat(maxConn, beamWidth);
        IndexWriterConfig config = new IndexWriterConfig()
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                // one segment from one flush: the graph is built once, no merge rebuilds it
                .setRAMBufferSizeMB(1900)
                .setRAMPerThreadHardLimitMB(1940)
                .setCodec(new Lucene103Codec() {
                    @Override
                    public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                        return vectors;
                    }
                });
        long t0 = System.nanoTime();
        try (FSDirectory fs = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(fs, config)) {
            for (int i = 0; i < stored.length; i++) {
                Document d = new Document();
                d.add(new StoredField("id", i));
                d.add(new StringField("lib", "SNAPSHOT", Field.Store.NO));
                d.add(new KnnFloatVectorField("v", stored[i], VectorSimilarityFunction.EUCLIDEAN));
                writer.addDocument(d);
                if ((i + 1) % 200_000 == 0) {
                    System.out.printf(Locale.ROOT, "  added %d in %.0fs%n", i + 1, (System.nanoTime() - t0) / 1e9);
                }
            }
            writer.forceMerge(1);
            writer.setLiveCommitData(Map.of("signature", signature).entrySet());
            writer.commit();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    static long sizeOf(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static int exactNearest(float[][] stored, float[] q) {
        int best = -1;
        float bestD = Float.MAX_VALUE;
        for (int i = 0; i < stored.length; i++) {
            float d = VectorUtil.squareDistance(stored[i], q);
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    /** Identities and their captures, generated deterministically from a seed (see the class comment). */
    static final class DescriptorModel {
        private final SplittableRandom random;
        private final float[][] centres;
        private final double noise;

        DescriptorModel(String model, int identities, long seed) {
            random = new SplittableRandom(seed);
            noise = SAME_PERSON / Math.sqrt(2.0 * DIM);
            // E|c_i - c_j|² = 2 Σ λ, the noise adds 2·DIM·noise² = SAME_PERSON²
            double betweenVariance = (DIFFERENT_PERSON * DIFFERENT_PERSON - SAME_PERSON * SAME_PERSON) / 2;
            double[] sd = new double[DIM];
            double sum = 0;
            for (int k = 0; k < DIM; k++) {
                sd[k] = "isotropic".equals(model) ? 1 : Math.pow(k + 1, -SPECTRUM_DECAY);
                sum += sd[k];
            }
            for (int k = 0; k < DIM; k++) {
                sd[k] = Math.sqrt(sd[k] * betweenVariance / sum);
            }
            double[][] basis = orthonormalBasis(random);
            double[] mean = gaussian(random, DIM);
            scale(mean, MEAN_NORM / norm(mean));
            centres = new float[identities][DIM];
            double[] z = new double[DIM];
            for (int i = 0; i < identities; i++) {
                for (int k = 0; k < DIM; k++) {
                    z[k] = random.nextGaussian() * sd[k];
                }
                for (int d = 0; d < DIM; d++) {
                    double v = mean[d];
                    for (int k = 0; k < DIM; k++) {
                        v += basis[k][d] * z[k];
                    }
                    centres[i][d] = (float) v;
                }
            }
        }

        int randomIdentity() {
            return random.nextInt(centres.length);
        }

        float[] capture(int identity) {
            float[] c = centres[identity];
            float[] v = new float[DIM];
            for (int d = 0; d < DIM; d++) {
                v[d] = (float) (c[d] + random.nextGaussian() * noise);
            }
            return v;
        }

        /** Mean norm and the mean distances between captures of one and of different identities, on a sample. */
        String describe(float[][] stored) {
            SplittableRandom r = new SplittableRandom(7);
            double norms = 0;
            double different = 0;
            double same = 0;
            int samples = 2000;
            for (int s = 0; s < samples; s++) {
                float[] x = stored[r.nextInt(stored.length)];
                norms += Math.sqrt(VectorUtil.dotProduct(x, x));
                different += Math.sqrt(VectorUtil.squareDistance(x, stored[r.nextInt(stored.length)]));
                int id = r.nextInt(centres.length);
                same += Math.sqrt(VectorUtil.squareDistance(capture(id), capture(id)));
            }
            return String.format(Locale.ROOT, "mean norm %.2f, same person %.3f, different people %.3f", norms / samples,
                    same / samples, different / samples);
        }

        static double[][] orthonormalBasis(SplittableRandom random) {
            double[][] b = new double[DIM][];
            for (int k = 0; k < DIM; k++) {
                double[] v = gaussian(random, DIM);
                for (int j = 0; j < k; j++) {
                    double dot = 0;
                    for (int d = 0; d < DIM; d++) {
                        dot += v[d] * b[j][d];
                    }
                    for (int d = 0; d < DIM; d++) {
                        v[d] -= dot * b[j][d];
                    }
                }
                scale(v, 1 / norm(v));
                b[k] = v;
            }
            return b;
        }

        static double[] gaussian(SplittableRandom r, int dim) {
            double[] v = new double[dim];
            for (int i = 0; i < dim; i++) {
                v[i] = r.nextGaussian();
            }
            return v;
        }

        static double norm(double[] v) {
            double s = 0;
            for (double x : v) {
                s += x * x;
            }
            return Math.sqrt(s);
        }

        static void scale(double[] v, double f) {
            for (int i = 0; i < v.length; i++) {
                v[i] *= f;
            }
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> out = new HashMap<>();
        List<String> rest = new ArrayList<>(List.of(args));
        for (int i = 0; i < rest.size(); i++) {
            String key = rest.get(i);
            if (!key.startsWith("--") || i + 1 >= rest.size()) {
                throw new IllegalArgumentException("expected --name value pairs, got " + key);
            }
            out.put(key.substring(2), rest.get(++i));
        }
        return out;
    }
}
