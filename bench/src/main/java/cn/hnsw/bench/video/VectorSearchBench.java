package cn.hnsw.bench.video;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * 1:N search load driver: Lucene HNSW configured as video-analytics-service's {@code VectorIndex} (128-d float field,
 * Euclidean, library filter, default graph parameters) over N stored descriptors, against exact search as the
 * reference. Vectors are synthetic: identities drawn around random centres with the spread face-api descriptors show
 * (norm ≈ 1.4, same-person distance ≈ 0.3), queries are fresh samples of stored identities.
 *
 * <p>Run: {@code mvn -q -pl bench org.codehaus.mojo:exec-maven-plugin:java -Dexec.mainClass=cn.hnsw.bench.video.VectorSearchBench -Dexec.args="100000 1000 16"} (third argument: latent dimension, 0 = isotropic)
 */
public final class VectorSearchBench {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        // 0: identities spread isotropically over all 128 dimensions (the hardest case for a graph index);
        // d > 0: identities on a d-dimensional subspace, as learned embeddings tend to be, plus a little spread
        int latent = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        int dim = 128;
        Random random = new Random(42);
        float[][] basis = latent > 0 ? new float[latent][] : null;
        for (int b = 0; latent > 0 && b < latent; b++) {
            basis[b] = gaussian(random, dim, 1.0 / Math.sqrt(dim));
        }
        float[][] centres = new float[n][];
        float[][] stored = new float[n][];
        for (int i = 0; i < n; i++) {
            if (latent > 0) {
                float[] c = gaussian(random, dim, 0.05 / Math.sqrt(dim));
                for (int b = 0; b < latent; b++) {
                    double z = random.nextGaussian() * 1.4 / Math.sqrt(latent);
                    for (int k = 0; k < dim; k++) {
                        c[k] += (float) (z * basis[b][k]);
                    }
                }
                centres[i] = c;
            } else {
                centres[i] = gaussian(random, dim, 1.4 / Math.sqrt(dim));
            }
            stored[i] = around(random, centres[i], 0.3 / Math.sqrt(2 * dim));
        }
        Path dir = Files.createTempDirectory("hnsw-bench-index");
        long t0 = System.nanoTime();
        try (FSDirectory fs = FSDirectory.open(dir);
                IndexWriter writer = new IndexWriter(fs, new IndexWriterConfig().setRAMBufferSizeMB(512))) {
            for (int i = 0; i < n; i++) {
                Document d = new Document();
                d.add(new StoredField("id", i));
                d.add(new StringField("lib", "SNAPSHOT", Field.Store.NO));
                d.add(new KnnFloatVectorField("v", stored[i], VectorSimilarityFunction.EUCLIDEAN));
                writer.addDocument(d);
            }
            writer.forceMerge(1);
            writer.commit();
        }
        double buildS = (System.nanoTime() - t0) / 1e9;
        try (FSDirectory fs = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(fs)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            float[][] qs = new float[queries + 100][];
            int[] truth = new int[qs.length];
            long exactNanos = 0;
            for (int q = 0; q < qs.length; q++) {
                qs[q] = around(random, centres[random.nextInt(n)], 0.3 / Math.sqrt(2 * dim));
                long xs = System.nanoTime();
                truth[q] = exactNearest(stored, qs[q]);
                exactNanos += System.nanoTime() - xs;
            }
            System.out.printf("N=%d latent=%s build=%.1fs exact-scan mean=%.2fms%n", n,
                    latent == 0 ? "isotropic" : latent + "-d", buildS, exactNanos / 1e6 / qs.length);
            for (int candidates : new int[] {10, 100, 200}) {
                long[] latency = new long[queries];
                int hits = 0;
                for (int q = 0; q < qs.length; q++) {
                    long s = System.nanoTime();
                    TopDocs top = searcher.search(new KnnFloatVectorQuery("v", qs[q], candidates,
                            new TermQuery(new Term("lib", "SNAPSHOT"))), candidates);
                    int found = searcher.storedFields().document(top.scoreDocs[0].doc).getField("id").numericValue()
                            .intValue();
                    long e = System.nanoTime();
                    if (q >= 100) {
                        latency[q - 100] = e - s;
                        if (found == truth[q]) {
                            hits++;
                        }
                    }
                }
                Arrays.sort(latency);
                System.out.printf("  candidates=%d queries=%d HNSW p50=%.2fms p99=%.2fms recall@1=%.4f%n", candidates,
                        queries, latency[queries / 2] / 1e6, latency[(int) (queries * 0.99)] / 1e6,
                        (double) hits / queries);
            }
        }
    }

    static int exactNearest(float[][] stored, float[] q) {
        int best = -1;
        double bestD = Double.MAX_VALUE;
        for (int i = 0; i < stored.length; i++) {
            double d = 0;
            float[] v = stored[i];
            for (int k = 0; k < v.length; k++) {
                double x = v[k] - q[k];
                d += x * x;
            }
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    static float[] gaussian(Random r, int dim, double sigma) {
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) {
            v[i] = (float) (r.nextGaussian() * sigma);
        }
        return v;
    }

    static float[] around(Random r, float[] centre, double sigma) {
        float[] v = new float[centre.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (centre[i] + r.nextGaussian() * sigma);
        }
        return v;
    }
}
