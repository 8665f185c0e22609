package org.policysearch.analysis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AnalysisMode;
import org.elasticsearch.index.analysis.IndexAnalyzers;
import org.elasticsearch.index.analysis.NamedAnalyzer;
import org.elasticsearch.index.mapper.MapperException;

/**
 * The plugin inside Elasticsearch's analysis registry, configured with the index settings documented in README.md:
 * core components ({@code standard}, {@code lowercase}) resolve next to ours, components without required parameters
 * are usable by their registered names, and the synonym filter is built against its chain.
 */
public class TestPluginAnalysisRegistry extends BaseTokenStreamTestCase {

    private static final String TRADITIONAL = "鄉鎮幹部鞏固脫貧攻堅成果";

    private static Settings serviceAnalysis(String synonymsPath) {
        return Settings.builder()
            .put("index.analysis.filter.policy_synonyms.type", "zh_synonym_graph")
            .put("index.analysis.filter.policy_synonyms.synonyms_path", synonymsPath)
            .put("index.analysis.filter.policy_synonyms.updateable", true)
            .put("index.analysis.filter.inline_synonyms.type", "zh_synonym_graph")
            .putList("index.analysis.filter.inline_synonyms.synonyms", "扶貧開發, 脱贫攻坚")
            .putList("index.analysis.analyzer.zh_word.char_filter", "zh_fold", "zh_nfkc", "zh_t2s")
            .put("index.analysis.analyzer.zh_word.tokenizer", "zh_smartcn")
            .putList("index.analysis.analyzer.zh_word.filter", "zh_stop_punct", "lowercase")
            .putList("index.analysis.analyzer.zh_word_search.char_filter", "zh_fold", "zh_nfkc", "zh_t2s")
            .put("index.analysis.analyzer.zh_word_search.tokenizer", "zh_smartcn")
            .putList("index.analysis.analyzer.zh_word_search.filter", "zh_stop_punct", "lowercase", "policy_synonyms")
            .putList("index.analysis.analyzer.zh_word_inline.char_filter", "zh_fold", "zh_nfkc", "zh_t2s")
            .put("index.analysis.analyzer.zh_word_inline.tokenizer", "zh_smartcn")
            .putList("index.analysis.analyzer.zh_word_inline.filter", "zh_stop_punct", "lowercase", "inline_synonyms")
            .putList("index.analysis.analyzer.zh_char.char_filter", "zh_fold", "zh_nfkc", "zh_t2s")
            .put("index.analysis.analyzer.zh_char.tokenizer", "standard")
            .putList("index.analysis.analyzer.zh_char.filter", "lowercase")
            .putList("index.analysis.analyzer.zh_bigram.char_filter", "zh_fold", "zh_nfkc", "zh_t2s")
            .put("index.analysis.analyzer.zh_bigram.tokenizer", "standard")
            .putList("index.analysis.analyzer.zh_bigram.filter", "lowercase", "zh_cjk_bigram")
            .build();
    }

    private Path homeWithSynonyms(String rules) throws IOException {
        Path home = createTempDir();
        Files.createDirectories(home.resolve("config/analysis"));
        Files.writeString(home.resolve("config/analysis/synonyms.txt"), rules, StandardCharsets.UTF_8);
        return home;
    }

    public void testServiceAnalyzers() throws IOException {
        Path home = homeWithSynonyms("# policy jargon\n扶贫开发, 脱贫攻坚\n");
        try (IndexAnalyzers analyzers = EsAnalysis.build(home, serviceAnalysis("analysis/synonyms.txt"))) {
            assertAnalyzesTo(
                analyzers.get("zh_word"),
                TRADITIONAL + "，ＡＢＣ",
                new String[] {"乡镇", "干部", "巩固", "脱贫", "攻坚", "成果", "abc"},
                new int[] {0, 2, 4, 6, 8, 10, 13},
                new int[] {2, 4, 6, 8, 10, 12, 16},
                new int[] {1, 1, 1, 1, 1, 1, 2}
            );
            for (String name : new String[] {"zh_word_search", "zh_word_inline"}) {
                assertAnalyzesTo(
                    analyzers.get(name),
                    "脫貧攻堅",
                    new String[] {"扶贫", "脱贫", "开发", "攻坚"},
                    new int[] {0, 0, 0, 2},
                    new int[] {4, 2, 4, 4},
                    null,
                    new int[] {1, 0, 1, 1},
                    new int[] {1, 2, 2, 1},
                    true
                );
            }
            assertAnalyzesTo(analyzers.get("zh_char"), "鄉鎮ＡＢＣ", new String[] {"乡", "镇", "abc"}, new int[] {0, 1, 2}, new int[] {1, 2, 5});
            assertAnalyzesTo(analyzers.get("zh_bigram"), "鄉鎮幹部", new String[] {"乡镇", "镇干", "干部"}, new int[] {0, 1, 2}, new int[] {2, 3, 4});
        }
    }

    public void testUpdateableSynonymsAreSearchTimeOnly() throws IOException {
        Path home = homeWithSynonyms("扶贫开发, 脱贫攻坚\n");
        try (IndexAnalyzers analyzers = EsAnalysis.build(home, serviceAnalysis("analysis/synonyms.txt"))) {
            NamedAnalyzer search = analyzers.get("zh_word_search");
            assertEquals(AnalysisMode.SEARCH_TIME, search.getAnalysisMode());
            assertEquals(AnalysisMode.ALL, analyzers.get("zh_word_inline").getAnalysisMode());
            MapperException e = expectThrows(MapperException.class, () -> search.checkAllowedInMode(AnalysisMode.INDEX_TIME));
            assertTrue(e.getMessage(), e.getMessage().contains("[policy_synonyms]"));
        }
    }

    public void testMissingSynonymsFileFailsIndexCreation() throws IOException {
        Path home = homeWithSynonyms("");
        IllegalArgumentException e = expectThrows(
            IllegalArgumentException.class,
            () -> EsAnalysis.build(home, serviceAnalysis("analysis/missing.txt"))
        );
        assertTrue(e.getMessage(), e.getMessage().contains("analysis/missing.txt"));
    }

    public void testUnknownParameterFailsIndexCreation() throws IOException {
        Settings settings = Settings.builder()
            .put("index.analysis.filter.bigram.type", "zh_cjk_bigram")
            .put("index.analysis.filter.bigram.output_unigram", true)
            .put("index.analysis.analyzer.a.tokenizer", "standard")
            .putList("index.analysis.analyzer.a.filter", "bigram")
            .build();
        IllegalArgumentException e = expectThrows(IllegalArgumentException.class, () -> EsAnalysis.build(createTempDir(), settings));
        assertEquals(
            "Unknown parameters [output_unigram] for analysis component [bigram]; supported parameters: [ignored_scripts, output_unigrams]",
            e.getMessage()
        );
    }

    public void testSynonymRulesNeedAnAnalyzableChain() throws IOException {
        // Edge n-grams stack several tokens per position, which the synonym parser cannot read.
        Settings settings = Settings.builder()
            .put("index.analysis.filter.syn.type", "zh_synonym_graph")
            .putList("index.analysis.filter.syn.synonyms", "扶贫开发, 脱贫攻坚")
            .put("index.analysis.analyzer.a.tokenizer", "zh_smartcn")
            .putList("index.analysis.analyzer.a.filter", "zh_edge_ngram", "syn")
            .build();
        IllegalArgumentException e = expectThrows(IllegalArgumentException.class, () -> EsAnalysis.build(createTempDir(), settings));
        assertTrue(e.getMessage(), e.getMessage().contains("cannot be used to parse synonyms"));
    }
}
