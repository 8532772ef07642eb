package cn.hnsw.customs.classification;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * 商品智能归类算法 (FP 349, 536, 544): BM25 full-text ranking (Lucene) of the tariff table against a goods name and
 * specification. Chinese text is split into single characters by Lucene's standard (UAX #29) tokenizer; the query adds
 * every pair of adjacent characters as a phrase, so "口红" ranks 唇用化妆品 (whose trade names hold the word) above
 * entries that merely share one character. A commodity must hold at least a quarter of the name's terms.
 * The index is built in memory from the tariff table and rebuilt when the table changed.
 */
@Component
public class CommodityClassifier {

    static final String HS = "hs";
    static final String NAME = "name";
    static final String ALIASES = "aliases";
    static final String EN = "en";
    static final String ALL = "all";
    private static final float NAME_BOOST = 2f;
    private static final float ALIASES_BOOST = 3f;
    private static final float EN_BOOST = 1f;
    private static final float PHRASE_BOOST = 2f;
    private static final float SPECIFICATION_BOOST = 0.2f;
    /** Share of the name's distinct terms a commodity must hold (in any field) to be a candidate at all. */
    private static final double MIN_MATCH = 0.25;
    private static final int MAX_TERMS = 40;

    /** One ranked candidate: the commodity and its BM25 score. */
    public record Candidate(TariffCommodity commodity, double score) {
    }

    private final TariffRepository tariff;
    private final Analyzer analyzer = new StandardAnalyzer();
    private volatile Index index;

    public CommodityClassifier(TariffRepository tariff) {
        this.tariff = tariff;
    }

    private record Index(String signature, IndexSearcher searcher, List<TariffCommodity> commodities) {
    }

    /**
     * The best {@code limit} commodities for the goods, best first; empty when nothing matches well enough. The name
     * decides; the specification (规格型号: composition, use, grade…) only breaks ties, so a model string cannot carry
     * the goods into another chapter.
     */
    public List<Candidate> classify(String name, String specification, int limit) {
        List<Token> tokens = tokens(name);
        List<Token> secondary = tokens(specification);
        if (tokens.isEmpty()) {
            tokens = secondary;
            secondary = List.of();
        }
        if (tokens.isEmpty()) {
            return List.of();
        }
        Index current = current();
        try {
            TopDocs top = current.searcher().search(query(tokens, secondary), limit);
            StoredFields stored = current.searcher().storedFields();
            List<Candidate> result = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) {
                int position = stored.document(sd.doc).getField("pos").numericValue().intValue();
                result.add(new Candidate(current.commodities().get(position), sd.score));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the name or the specification holds at least one term the classifier can search by. */
    public boolean searchable(String name, String specification) {
        return !tokens(name).isEmpty() || !tokens(specification).isEmpty();
    }

    private Query query(List<Token> tokens, List<Token> secondary) {
        Set<String> terms = new LinkedHashSet<>();
        tokens.forEach(t -> terms.add(t.term()));
        BooleanQuery.Builder required = new BooleanQuery.Builder();
        terms.forEach(t -> required.add(new TermQuery(new Term(ALL, t)), BooleanClause.Occur.SHOULD));
        required.setMinimumNumberShouldMatch((int) Math.ceil(terms.size() * MIN_MATCH));

        BooleanQuery.Builder ranking = new BooleanQuery.Builder();
        ranking.add(required.build(), BooleanClause.Occur.MUST);
        for (String field : List.of(NAME, ALIASES, EN)) {
            float boost = switch (field) {
                case NAME -> NAME_BOOST;
                case ALIASES -> ALIASES_BOOST;
                default -> EN_BOOST;
            };
            for (String t : terms) {
                ranking.add(new BoostQuery(new TermQuery(new Term(field, t)), boost), BooleanClause.Occur.SHOULD);
            }
            for (int i = 1; i < tokens.size(); i++) {
                Token a = tokens.get(i - 1);
                Token b = tokens.get(i);
                if (b.position() == a.position() + 1) {
                    ranking.add(new BoostQuery(new PhraseQuery(field, a.term(), b.term()), boost * PHRASE_BOOST),
                            BooleanClause.Occur.SHOULD);
                }
            }
        }
        Set<String> specTerms = new LinkedHashSet<>();
        secondary.forEach(t -> specTerms.add(t.term()));
        specTerms.forEach(t -> ranking.add(new BoostQuery(new TermQuery(new Term(ALL, t)), SPECIFICATION_BOOST),
                BooleanClause.Occur.SHOULD));
        for (int i = 1; i < secondary.size(); i++) {
            if (secondary.get(i).position() == secondary.get(i - 1).position() + 1) {
                ranking.add(new BoostQuery(new PhraseQuery(ALL, secondary.get(i - 1).term(), secondary.get(i).term()),
                        SPECIFICATION_BOOST * PHRASE_BOOST), BooleanClause.Occur.SHOULD);
            }
        }
        return ranking.build();
    }

    private record Token(String term, int position) {
    }

    private List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return tokens;
        }
        try (TokenStream ts = analyzer.tokenStream(ALL, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            ts.reset();
            int position = -1;
            while (ts.incrementToken() && tokens.size() < MAX_TERMS) {
                position += increment.getPositionIncrement();
                // Numbers (sizes, models, volumes) say nothing about the heading.
                if (!"<NUM>".equals(type.type())) {
                    tokens.add(new Token(term.toString(), position));
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    private Index current() {
        String signature = tariff.signature();
        Index now = index;
        if (now != null && now.signature().equals(signature)) {
            return now;
        }
        synchronized (this) {
            if (index == null || !index.signature().equals(signature)) {
                index = build(signature, tariff.all());
            }
            return index;
        }
    }

    private Index build(String signature, List<TariffCommodity> commodities) {
        Directory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (int i = 0; i < commodities.size(); i++) {
                TariffCommodity c = commodities.get(i);
                Document doc = new Document();
                doc.add(new StringField(HS, c.hsCode(), Field.Store.NO));
                doc.add(new StoredField("pos", i));
                doc.add(new TextField(NAME, c.nameZh(), Field.Store.NO));
                String aliases = c.aliases() == null ? "" : c.aliases().replace(';', ' ').replace('；', ' ');
                doc.add(new TextField(ALIASES, aliases, Field.Store.NO));
                doc.add(new TextField(EN, c.nameEn() == null ? "" : c.nameEn(), Field.Store.NO));
                doc.add(new TextField(ALL, c.nameZh() + " " + aliases + " " + (c.nameEn() == null ? "" : c.nameEn()),
                        Field.Store.NO));
                writer.addDocument(doc);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return new Index(signature, new IndexSearcher(DirectoryReader.open(directory)), List.copyOf(commodities));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
