package org.policysearch.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AnalysisMode;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;

/** Settings parsing, defaults and parameter rejection of every registered factory, and what each one creates. */
public class TestFactorySettings extends BaseTokenStreamTestCase {

    private static final PolicyAnalysisPlugin PLUGIN = new PolicyAnalysisPlugin();

    private static Settings settings(String... keyValues) {
        Settings.Builder builder = Settings.builder();
        for (int i = 0; i < keyValues.length; i += 2) {
            builder.put(keyValues[i], keyValues[i + 1]);
        }
        return builder.build();
    }

    private static Map<String, AnalysisProvider<?>> allProviders() {
        Map<String, AnalysisProvider<?>> all = new TreeMap<>();
        all.putAll(PLUGIN.getCharFilters());
        all.putAll(PLUGIN.getTokenizers());
        all.putAll(PLUGIN.getTokenFilters());
        return all;
    }

    private Object create(String type, Settings settings) throws IOException {
        IndexSettings index = EsAnalysis.indexSettings(Settings.EMPTY);
        Environment env = EsAnalysis.environment(createTempDir());
        return allProviders().get(type).get(index, env, "my_" + type, Settings.builder().put("type", type).put(settings).build());
    }

    private TokenFilterFactory filter(String type, String... keyValues) throws IOException {
        return (TokenFilterFactory) create(type, settings(keyValues));
    }

    private static Analyzer analyzer(Tokenizer tokenizer, TokenFilterFactory factory) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                return new TokenStreamComponents(tokenizer, factory.create(tokenizer));
            }
        };
    }

    public void testRegisteredNames() {
        assertEquals(List.of("zh_fold", "zh_nfkc", "zh_t2s"), PLUGIN.getCharFilters().keySet().stream().sorted().toList());
        assertEquals(List.of("zh_smartcn"), List.copyOf(PLUGIN.getTokenizers().keySet()));
        assertEquals(
            List.of("zh_cjk_bigram", "zh_cjk_width", "zh_edge_ngram", "zh_flatten_graph", "zh_length", "zh_stop_punct", "zh_synonym_graph"),
            PLUGIN.getTokenFilters().keySet().stream().sorted().toList()
        );
        // zh_synonym_graph has mandatory rules, so Elasticsearch must not instantiate it under its bare name.
        allProviders().forEach((name, provider) -> assertEquals(name, name.equals("zh_synonym_graph"), provider.requiresAnalysisSettings()));
    }

    public void testEveryComponentRejectsUnknownParameters() {
        for (String type : allProviders().keySet()) {
            Settings bogus = settings("synonyms", "a, b", "bogus_param", "1");
            IllegalArgumentException e = expectThrows(IllegalArgumentException.class, () -> create(type, bogus));
            assertTrue(type + ": " + e.getMessage(), e.getMessage().startsWith("Unknown parameters [bogus_param"));
            assertTrue(type + ": " + e.getMessage(), e.getMessage().contains("[my_" + type + "]"));
        }
    }

    public void testFrameworkKeysAreAccepted() throws IOException {
        // what Elasticsearch passes when a component is used by its registered name, or a deprecated version
        Settings framework = settings("version", "8.0.0", "index.version.created", "8000099", "index.number_of_shards", "1");
        for (String type : allProviders().keySet()) {
            if (type.equals("zh_synonym_graph") == false) {
                assertNotNull(type, create(type, framework));
            }
        }
    }

    public void testCharFiltersCreateWorkingReaders() throws IOException {
        assertEquals("乡镇", ZhChains.filter("鄉鎮", ((CharFilterFactory) create("zh_t2s", Settings.EMPTY))::create));
        assertEquals("长", ZhChains.filter("⻓", ((CharFilterFactory) create("zh_fold", Settings.EMPTY))::create));
        assertEquals("ABC一", ZhChains.filter("ＡＢＣ⼀", ((CharFilterFactory) create("zh_nfkc", Settings.EMPTY))::create));
        assertEquals("abc一", ZhChains.filter("ＡＢＣ⼀", ((CharFilterFactory) create("zh_nfkc", settings("name", "nfkc_cf")))::create));
        // only the characters in the UnicodeSet are normalized
        CharFilterFactory kangxiOnly = (CharFilterFactory) create("zh_nfkc", settings("unicode_set_filter", "[\\u2F00-\\u2FD5]"));
        assertEquals("ＡＢＣ一", ZhChains.filter("ＡＢＣ⼀", kangxiOnly::create));
    }

    public void testNfkcRejectsInvalidValues() {
        IllegalArgumentException e = expectThrows(IllegalArgumentException.class, () -> create("zh_nfkc", settings("name", "nfc")));
        assertEquals(
            "Invalid value [nfc] for parameter [name] of analysis component [my_zh_nfkc]: expected [nfkc] or [nfkc_cf]",
            e.getMessage()
        );
        e = expectThrows(IllegalArgumentException.class, () -> create("zh_nfkc", settings("unicode_set_filter", "[a-")));
        assertTrue(e.getMessage(), e.getMessage().contains("not a valid ICU UnicodeSet pattern"));
    }

    public void testSmartcnTokenizer() throws IOException {
        TokenizerFactory factory = (TokenizerFactory) create("zh_smartcn", Settings.EMPTY);
        Tokenizer tokenizer = factory.create();
        tokenizer.setReader(new StringReader("巩固脱贫攻坚成果"));
        assertTokenStreamContents(tokenizer, new String[] {"巩固", "脱贫", "攻坚", "成果"});
    }

    public void testCjkBigram() throws IOException {
        try (Analyzer a = analyzer(new StandardTokenizer(), filter("zh_cjk_bigram"))) {
            assertAnalyzesTo(a, "乡村振兴", new String[] {"乡村", "村振", "振兴"}, new int[] {1, 1, 1});
        }
        try (Analyzer a = analyzer(new StandardTokenizer(), filter("zh_cjk_bigram", "output_unigrams", "true"))) {
            assertAnalyzesTo(a, "乡村", new String[] {"乡", "乡村", "村"}, new int[] {1, 0, 1});
        }
        TokenFilterFactory ignoreHan = (TokenFilterFactory) create(
            "zh_cjk_bigram",
            Settings.builder().putList("ignored_scripts", "han").build()
        );
        try (Analyzer a = analyzer(new StandardTokenizer(), ignoreHan)) {
            assertAnalyzesTo(a, "乡村", new String[] {"乡", "村"});
        }
        IllegalArgumentException e = expectThrows(
            IllegalArgumentException.class,
            () -> create("zh_cjk_bigram", Settings.builder().putList("ignored_scripts", "latin").build())
        );
        assertTrue(e.getMessage(), e.getMessage().startsWith("Invalid value [latin] for parameter [ignored_scripts]"));
        e = expectThrows(IllegalArgumentException.class, () -> filter("zh_cjk_bigram", "output_unigrams", "yes"));
        assertTrue(e.getMessage(), e.getMessage().endsWith("expected [true] or [false]"));
        // unigrams stacked on bigrams cannot be used to parse synonym rules
        expectThrows(IllegalArgumentException.class, () -> filter("zh_cjk_bigram", "output_unigrams", "true").getSynonymFilter());
    }

    public void testCjkWidth() throws IOException {
        try (Analyzer a = analyzer(new WhitespaceTokenizer(), filter("zh_cjk_width"))) {
            assertAnalyzesTo(a, "ＡＢＣ２０２０ ｶﾀｶﾅ", new String[] {"ABC2020", "カタカナ"});
        }
    }

    public void testEdgeNGram() throws IOException {
        try (Analyzer a = analyzer(new WhitespaceTokenizer(), filter("zh_edge_ngram"))) {
            assertAnalyzesTo(a, "乡村振兴", new String[] {"乡", "乡村"});
        }
        try (Analyzer a = analyzer(new WhitespaceTokenizer(), filter("zh_edge_ngram", "min_gram", "2", "max_gram", "3", "preserve_original", "true"))) {
            assertAnalyzesTo(a, "乡村振兴 𠀀𠀁𠀂", new String[] {"乡村", "乡村振", "乡村振兴", "𠀀𠀁", "𠀀𠀁𠀂"});
        }
        expectThrows(IllegalArgumentException.class, () -> filter("zh_edge_ngram", "min_gram", "0"));
        expectThrows(IllegalArgumentException.class, () -> filter("zh_edge_ngram", "min_gram", "3", "max_gram", "2"));
        IllegalArgumentException e = expectThrows(IllegalArgumentException.class, () -> filter("zh_edge_ngram", "max_gram", "many"));
        assertEquals("Invalid value [many] for parameter [max_gram] of analysis component [my_zh_edge_ngram]: expected an integer", e.getMessage());
        expectThrows(IllegalArgumentException.class, () -> filter("zh_edge_ngram").getSynonymFilter());
    }

    public void testLength() throws IOException {
        try (Analyzer a = analyzer(new WhitespaceTokenizer(), filter("zh_length", "min", "2", "max", "3"))) {
            assertAnalyzesTo(a, "乡 乡村 乡村振 乡村振兴", new String[] {"乡村", "乡村振"}, new int[] {2, 1});
        }
        expectThrows(IllegalArgumentException.class, () -> filter("zh_length", "min", "-1"));
        expectThrows(IllegalArgumentException.class, () -> filter("zh_length", "min", "4", "max", "3"));
    }

    public void testStopPunct() throws IOException {
        try (Analyzer a = analyzer(new WhitespaceTokenizer(), filter("zh_stop_punct"))) {
            assertAnalyzesTo(a, "脱贫 , 攻坚", new String[] {"脱贫", "攻坚"}, new int[] {1, 2});
        }
    }

    public void testFlattenGraph() throws IOException {
        try (Analyzer a = analyzer(new WhitespaceTokenizer(), filter("zh_flatten_graph"))) {
            assertAnalyzesTo(a, "脱贫 攻坚", new String[] {"脱贫", "攻坚"});
        }
    }

    public void testSynonymGraphSettings() throws IOException {
        IllegalArgumentException e = expectThrows(IllegalArgumentException.class, () -> filter("zh_synonym_graph"));
        assertEquals("Analysis component [my_zh_synonym_graph] requires exactly one of [synonyms] or [synonyms_path]", e.getMessage());
        e = expectThrows(IllegalArgumentException.class, () -> filter("zh_synonym_graph", "synonyms", "a, b", "synonyms_path", "s.txt"));
        assertEquals("Analysis component [my_zh_synonym_graph] requires exactly one of [synonyms] or [synonyms_path]", e.getMessage());

        TokenFilterFactory plain = filter("zh_synonym_graph", "synonyms", "a, b");
        assertEquals(AnalysisMode.ALL, plain.getAnalysisMode());
        // an unspecialized synonym filter has no rules it could apply
        expectThrows(IllegalStateException.class, () -> plain.create(new WhitespaceTokenizer()));

        TokenFilterFactory updateable = filter("zh_synonym_graph", "synonyms_path", "analysis/s.txt", "updateable", "true");
        assertEquals(AnalysisMode.SEARCH_TIME, updateable.getAnalysisMode());
        assertEquals("analysis/s.txt", updateable.getResourceName());
        expectThrows(IllegalArgumentException.class, () -> filter("zh_synonym_graph", "synonyms", "a, b", "expand", "maybe"));
    }

    public void testSynonymGraphLenient() throws IOException {
        Settings strict = Settings.builder().putList("synonyms", "，, 脱贫攻坚", "扶贫开发, 脱贫攻坚").build();
        Settings lenient = Settings.builder().put(strict).put("lenient", true).build();
        // in the chain [zh_smartcn, zh_stop_punct] "，" analyzes to nothing, which is an error unless lenient
        IllegalArgumentException e = expectThrows(IllegalArgumentException.class, () -> chainAware(strict));
        assertTrue(e.getMessage(), e.getMessage().startsWith("Failed to build synonyms for [my_zh_synonym_graph]"));
        TokenFilterFactory synonyms = chainAware(lenient);
        Tokenizer tokenizer = ((TokenizerFactory) create("zh_smartcn", Settings.EMPTY)).create();
        try (Analyzer a = analyzer(tokenizer, synonyms)) {
            assertAnalyzesTo(a, "扶贫开发", new String[] {"脱贫", "扶贫", "攻坚", "开发"});
        }
    }

    private TokenFilterFactory chainAware(Settings settings) throws IOException {
        TokenizerFactory smartcn = (TokenizerFactory) create("zh_smartcn", Settings.EMPTY);
        TokenFilterFactory stop = filter("zh_stop_punct");
        TokenFilterFactory synonyms = (TokenFilterFactory) create("zh_synonym_graph", settings);
        return synonyms.getChainAwareTokenFilterFactory(null, smartcn, List.of(), List.of(stop), name -> null);
    }
}
