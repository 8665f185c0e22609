package org.policysearch.analysis;

import static org.elasticsearch.plugins.AnalysisPlugin.requiresAnalysisSettings;

import java.util.Map;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

/**
 * Chinese analysis building blocks for the policy-search service.
 *
 * <p>The Maven Central distribution of Elasticsearch lacks the analysis-common module, so this plugin registers the
 * Lucene components the service's analyzers need. Every name carries a {@code zh_} prefix so nothing clashes if
 * analysis-common is installed later. The analyzers themselves are defined in the service's index settings (see
 * README.md); components without required parameters can be referenced there by their registered name directly.
 */
public class PolicyAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<CharFilterFactory>> getCharFilters() {
        return Map.of(
            "zh_t2s", (indexSettings, env, name, settings) -> new T2sCharFilterFactory(name, settings),
            "zh_nfkc", (indexSettings, env, name, settings) -> new NfkcCharFilterFactory(name, settings),
            "zh_fold", (indexSettings, env, name, settings) -> new FoldCharFilterFactory(name, settings)
        );
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        return Map.of("zh_smartcn", (indexSettings, env, name, settings) -> new SmartcnTokenizerFactory(indexSettings, name, settings));
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of(
            "zh_cjk_bigram", (indexSettings, env, name, settings) -> new CjkBigramTokenFilterFactory(name, settings),
            "zh_cjk_width", (indexSettings, env, name, settings) -> new CjkWidthTokenFilterFactory(name, settings),
            // Rules are mandatory, so the filter cannot be instantiated under its bare name like the others.
            "zh_synonym_graph",
            requiresAnalysisSettings((indexSettings, env, name, settings) -> new SynonymGraphTokenFilterFactory(env, name, settings)),
            "zh_flatten_graph", (indexSettings, env, name, settings) -> new FlattenGraphTokenFilterFactory(name, settings),
            "zh_edge_ngram", (indexSettings, env, name, settings) -> new EdgeNGramTokenFilterFactory(name, settings),
            "zh_length", (indexSettings, env, name, settings) -> new LengthTokenFilterFactory(name, settings),
            "zh_stop_punct", (indexSettings, env, name, settings) -> new StopPunctTokenFilterFactory(name, settings)
        );
    }
}
