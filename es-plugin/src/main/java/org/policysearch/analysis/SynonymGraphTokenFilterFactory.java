package org.policysearch.analysis;

import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexService.IndexCreationContext;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.AnalysisMode;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.CustomAnalyzer;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;

/**
 * {@code zh_synonym_graph}: Solr-format synonyms on Lucene's {@link SynonymGraphFilter}, built like analysis-common's
 * {@code synonym_graph}.
 *
 * <p>The rules must be tokenized exactly like the text they will meet, so the {@link SynonymMap} is only built in
 * {@link #getChainAwareTokenFilterFactory}, with an analyzer made of the preceding char filters, tokenizer and token
 * filters of the chain this filter is used in ("脱贫攻坚" in a rule becomes the smartcn words 脱贫 攻坚).
 *
 * <p>Parameters: {@code synonyms} (inline rules) or {@code synonyms_path} (file relative to the node's config
 * directory), {@code expand} (default {@code true}), {@code lenient} (default {@code false}: skip rules that do
 * not analyze instead of failing) and {@code updateable} (default {@code false}; {@code true} restricts the filter
 * to search analyzers so the rules can be reloaded with {@code _reload_search_analyzers}).
 */
final class SynonymGraphTokenFilterFactory extends AbstractTokenFilterFactory {

    private final Environment environment;
    private final List<String> inlineRules;
    private final String rulesPath;
    private final boolean expand;
    private final boolean lenient;
    private final AnalysisMode analysisMode;

    SynonymGraphTokenFilterFactory(Environment environment, String name, Settings settings) {
        super(name, settings);
        ComponentSettings params = ComponentSettings.of(name, settings, "synonyms", "synonyms_path", "expand", "lenient", "updateable");
        this.environment = environment;
        this.inlineRules = params.getList("synonyms");
        this.rulesPath = params.getString("synonyms_path", null);
        if ((inlineRules == null) == (rulesPath == null)) {
            throw new IllegalArgumentException(
                "Analysis component [" + name + "] requires exactly one of [synonyms] or [synonyms_path]"
            );
        }
        this.expand = params.getBoolean("expand", true);
        this.lenient = params.getBoolean("lenient", false);
        this.analysisMode = params.getBoolean("updateable", false) ? AnalysisMode.SEARCH_TIME : AnalysisMode.ALL;
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        throw new IllegalStateException(
            "Call getChainAwareTokenFilterFactory to specialize [" + name() + "] for an analysis chain first"
        );
    }

    @Override
    public AnalysisMode getAnalysisMode() {
        return analysisMode;
    }

    @Override
    public String getResourceName() {
        return rulesPath;
    }

    @Override
    public TokenFilterFactory getChainAwareTokenFilterFactory(
        IndexCreationContext context,
        TokenizerFactory tokenizer,
        List<CharFilterFactory> charFilters,
        List<TokenFilterFactory> previousTokenFilters,
        Function<String, TokenFilterFactory> allFilters
    ) {
        SynonymMap synonyms;
        try (Analyzer analyzer = synonymAnalyzer(tokenizer, charFilters, previousTokenFilters)) {
            synonyms = buildSynonyms(analyzer);
        }
        String name = name();
        AnalysisMode mode = analysisMode;
        String resource = rulesPath;
        return new TokenFilterFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public TokenStream create(TokenStream tokenStream) {
                // An empty rule set yields no FST; SynonymGraphFilter would reject it.
                return synonyms.fst == null ? tokenStream : new SynonymGraphFilter(tokenStream, synonyms, false);
            }

            @Override
            public TokenFilterFactory getSynonymFilter() {
                // A later synonym filter in the same chain must parse its rules without our expansions,
                // since the synonym parser cannot handle stacked tokens.
                return IDENTITY_FILTER;
            }

            @Override
            public AnalysisMode getAnalysisMode() {
                return mode;
            }

            @Override
            public String getResourceName() {
                return resource;
            }
        };
    }

    /** The preceding chain, with each filter replaced by its synonym-parsing variant (as analysis-common does). */
    private static Analyzer synonymAnalyzer(
        TokenizerFactory tokenizer,
        List<CharFilterFactory> charFilters,
        List<TokenFilterFactory> previousTokenFilters
    ) {
        return new CustomAnalyzer(
            tokenizer,
            charFilters.toArray(new CharFilterFactory[0]),
            previousTokenFilters.stream().map(TokenFilterFactory::getSynonymFilter).toArray(TokenFilterFactory[]::new)
        );
    }

    private SynonymMap buildSynonyms(Analyzer analyzer) {
        String origin = rulesPath == null ? "inline [synonyms] of [" + name() + "]" : "[synonyms_path] " + rulesPath;
        try (
            Reader rules = rulesPath == null
                ? new StringReader(String.join("\n", inlineRules))
                : Analysis.getReaderFromFile(environment, rulesPath, "synonyms")
        ) {
            LenientSolrSynonymParser parser = new LenientSolrSynonymParser(expand, lenient, analyzer);
            parser.parse(rules);
            return parser.build();
        } catch (Exception e) {
            throw new IllegalArgumentException("Failed to build synonyms for [" + name() + "] from " + origin + ": " + e.getMessage(), e);
        }
    }
}
