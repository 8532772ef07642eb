package cn.hnsw.video.library;

import cn.hnsw.video.face.FaceEngine;
import cn.hnsw.video.library.FaceFeatureRepository.StoredFeature;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene103.Lucene103Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.VectorUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Approximate nearest-neighbour search over the stored descriptors with Lucene's HNSW graph, persisted on disk and
 * rebuilt from the database when it does not describe the database it belongs to (other database, other count).
 * {@link #exact} scans the database and is the reference the approximate answer is measured against.
 *
 * <p>The graph holds the float vectors (Lucene's HNSW format; M = 32 and beam 200 by default: on 100 k descriptors
 * that graph reaches recall@1 0.999 with 20 candidates where M = 16 / beam 100 needs 200 for 0.998) unless
 * {@code hnsw.video.search.quantized} is set: then it is stored with Lucene's scalar-quantized format (7-bit vectors,
 * a quarter of the bytes per distance while the graph is walked; the float vectors are kept beside them) and the
 * candidates the walk returns are re-ranked by exact Euclidean distance on the float vectors, so the order and the
 * distances reported are exact among them (without that re-rank recall@1 stops near 0.92). On 100 k descriptors the
 * quantized walk plus re-rank cost 1.3 times the CPU of the float graph at the same recall, so float is the default;
 * quantized is for libraries whose float vectors do not fit in memory. A rebuild is merged into one segment, so a
 * query walks one graph. See docs/video-analytics.md and the bench's {@code VectorSearchBench}.
 */
@Component
public class VectorIndex {

    private static final Logger log = LoggerFactory.getLogger(VectorIndex.class);
    private static final String VECTOR = "v";
    private static final String ID = "id";
    private static final String LIBRARY = "lib";
    private static final String DB_KEY = "hnsw.database";
    private static final String COUNT_KEY = "hnsw.count";

    /** One candidate: the stored feature and its Euclidean distance to the query. */
    public record Neighbour(UUID featureId, double distance) {
    }

    private final FaceFeatureRepository features;
    private final Path directory;
    /**
     * Graph candidates explored per query (Lucene's k, the search beam): more than 10 is needed for recall on 128-d
     * descriptors; see docs/video-analytics.md for recall and latency against it at 100 k and 1 M.
     */
    private final int candidates;
    private final boolean quantized;
    /** HNSW graph: neighbours per node (M) and the beam while building; see the bench in docs/video-analytics.md. */
    private final int maxConnections;
    private final int beamWidth;
    private FSDirectory dir;
    private IndexWriter writer;
    private SearcherManager searchers;
    private volatile boolean rebuiltAtStart;

    @Autowired
    public VectorIndex(FaceFeatureRepository features, @Value("${hnsw.video.index-dir}") Path directory,
            @Value("${hnsw.video.search.candidates:100}") int candidates,
            @Value("${hnsw.video.search.quantized:false}") boolean quantized,
            @Value("${hnsw.video.search.max-connections:32}") int maxConnections,
            @Value("${hnsw.video.search.beam-width:200}") int beamWidth) {
        if (candidates < 1) {
            throw new IllegalArgumentException("hnsw.video.search.candidates must be at least 1");
        }
        this.features = features;
        this.directory = directory;
        this.candidates = candidates;
        this.quantized = quantized;
        this.maxConnections = maxConnections;
        this.beamWidth = beamWidth;
    }

    /** The service's graph (M = 32, beam 200) with {@code candidates} candidates per query. */
    public VectorIndex(FaceFeatureRepository features, Path directory, int candidates, boolean quantized) {
        this(features, directory, candidates, quantized, 32, 200);
    }

    @PostConstruct
    public void open() throws IOException {
        Files.createDirectories(directory);
        dir = FSDirectory.open(directory);
        KnnVectorsFormat format = quantized
                ? new Lucene99HnswScalarQuantizedVectorsFormat(maxConnections, beamWidth)
                : new Lucene99HnswVectorsFormat(maxConnections, beamWidth);
        writer = new IndexWriter(dir, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setCodec(new Lucene103Codec() {
                    @Override
                    public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                        return format;
                    }
                }));
        searchers = new SearcherManager(writer, null);
        String database = features.databaseName();
        long dbCount = features.count();
        Map<String, String> committed = new HashMap<>();
        writer.getLiveCommitData().forEach(e -> committed.put(e.getKey(), e.getValue()));
        long indexed = writer.getDocStats().numDocs;
        if (!database.equals(committed.get(DB_KEY)) || indexed != dbCount) {
            log.info("vector index at {} does not match the database ({} docs, {} rows): rebuilding", directory,
                    indexed, dbCount);
            rebuild();
            rebuiltAtStart = true;
        }
    }

    /** Drops the index and reads every descriptor back from the database. */
    public synchronized void rebuild() {
        try {
            writer.deleteAll();
            features.forEach(this::addDocument);
            // one segment, one graph to walk per query
            writer.forceMerge(1);
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean rebuiltAtStart() {
        return rebuiltAtStart;
    }

    public synchronized void add(StoredFeature feature) {
        addDocument(feature);
        try {
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Takes a deleted descriptor out of the index. */
    public synchronized void remove(UUID featureId) {
        try {
            writer.deleteDocuments(new org.apache.lucene.index.Term(ID, featureId.toString()));
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void addDocument(StoredFeature f) {
        Document doc = new Document();
        doc.add(new StringField(ID, f.id().toString(), Field.Store.YES));
        doc.add(new StringField(LIBRARY, f.library().name(), Field.Store.NO));
        doc.add(new KnnFloatVectorField(VECTOR, f.descriptor(), VectorSimilarityFunction.EUCLIDEAN));
        try {
            writer.addDocument(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void commit() throws IOException {
        long count = writer.getDocStats().numDocs;
        writer.setLiveCommitData(Map.of(DB_KEY, features.databaseName(), COUNT_KEY, Long.toString(count)).entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    public long size() {
        return writer.getDocStats().numDocs;
    }

    /** The {@code k} nearest stored descriptors of one library (HNSW). */
    public List<Neighbour> nearest(FeatureLibraryType library, float[] query, int k) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                int beam = Math.max(k, candidates);
                TopDocs top = searcher.search(new KnnFloatVectorQuery(VECTOR, query, beam,
                        new TermQuery(new Term(LIBRARY, library.name()))), quantized ? beam : k);
                if (!quantized) {
                    List<Neighbour> out = new ArrayList<>();
                    for (ScoreDoc sd : top.scoreDocs) {
                        String id = searcher.storedFields().document(sd.doc).get(ID);
                        // Lucene's Euclidean score is 1 / (1 + d²), exact on float vectors
                        out.add(new Neighbour(UUID.fromString(id), Math.sqrt(Math.max(0, 1.0 / sd.score - 1.0))));
                    }
                    return out;
                }
                // exact re-rank of the graph's candidates on the stored float vectors
                List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
                List<ScoreDoc> exact = new ArrayList<>(top.scoreDocs.length);
                for (ScoreDoc sd : top.scoreDocs) {
                    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
                    FloatVectorValues values = leaf.reader().getFloatVectorValues(VECTOR);
                    KnnVectorValues.DocIndexIterator it = values.iterator();
                    int local = sd.doc - leaf.docBase;
                    if (it.advance(local) == local) {
                        float d2 = VectorUtil.squareDistance(values.vectorValue(it.index()), query);
                        exact.add(new ScoreDoc(sd.doc, d2));
                    }
                }
                exact.sort(Comparator.comparingDouble(sd -> sd.score));
                List<Neighbour> out = new ArrayList<>();
                for (ScoreDoc sd : exact.subList(0, Math.min(k, exact.size()))) {
                    String id = searcher.storedFields().document(sd.doc).get(ID);
                    out.add(new Neighbour(UUID.fromString(id), Math.sqrt(sd.score)));
                }
                return out;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code k} nearest by a full scan of the database: the reference for {@link #nearest}. */
    public List<Neighbour> exact(FeatureLibraryType library, float[] query, int k) {
        PriorityQueue<Neighbour> worstFirst = new PriorityQueue<>(Comparator.comparingDouble(Neighbour::distance).reversed());
        for (StoredFeature f : features.byLibrary(library)) {
            worstFirst.add(new Neighbour(f.id(), FaceEngine.distance(query, f.descriptor())));
            if (worstFirst.size() > k) {
                worstFirst.poll();
            }
        }
        List<Neighbour> out = new ArrayList<>(worstFirst);
        out.sort(Comparator.comparingDouble(Neighbour::distance));
        return out;
    }

    @PreDestroy
    public void close() throws IOException {
        searchers.close();
        writer.close();
        dir.close();
    }
}
