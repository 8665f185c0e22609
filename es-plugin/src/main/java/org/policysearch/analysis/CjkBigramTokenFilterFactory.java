package org.policysearch.analysis;

import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.lucene.analysis.miscellaneous.DisableGraphAttribute;

/**
 * {@code zh_cjk_bigram}: overlapping CJK bigrams over the one-character tokens of the {@code standard} tokenizer.
 *
 * <p>Parameters: {@code output_unigrams} (default {@code false}) and {@code ignored_scripts} (any of {@code han},
 * {@code hiragana}, {@code katakana}, {@code hangul}; those scripts pass through unchanged).
 */
final class CjkBigramTokenFilterFactory extends AbstractTokenFilterFactory {

    private static final Map<String, Integer> SCRIPT_FLAGS = Map.of(
        "han", CJKBigramFilter.HAN,
        "hiragana", CJKBigramFilter.HIRAGANA,
        "katakana", CJKBigramFilter.KATAKANA,
        "hangul", CJKBigramFilter.HANGUL
    );

    private final int flags;
    private final boolean outputUnigrams;

    CjkBigramTokenFilterFactory(String name, Settings settings) {
        super(name, settings);
        ComponentSettings params = ComponentSettings.of(name, settings, "output_unigrams", "ignored_scripts");
        this.outputUnigrams = params.getBoolean("output_unigrams", false);
        int scripts = CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL;
        List<String> ignored = params.getList("ignored_scripts");
        if (ignored != null) {
            for (String script : ignored) {
                Integer flag = SCRIPT_FLAGS.get(script);
                if (flag == null) {
                    throw params.invalid("ignored_scripts", script, "expected any of " + SCRIPT_FLAGS.keySet());
                }
                scripts &= ~flag;
            }
        }
        this.flags = scripts;
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        CJKBigramFilter filter = new CJKBigramFilter(tokenStream, flags, outputUnigrams);
        if (outputUnigrams) {
            // Unigrams and bigrams overlap without forming a proper graph; graph-aware query building on such a
            // stream would enumerate useless paths, so it is switched off (as Elasticsearch's cjk_bigram does).
            filter.addAttribute(DisableGraphAttribute.class);
        }
        return filter;
    }

    @Override
    public TokenFilterFactory getSynonymFilter() {
        if (outputUnigrams) {
            // Stacked unigrams would make the synonym parser reject every rule.
            throw new IllegalArgumentException("Token filter [" + name() + "] cannot be used to parse synonyms");
        }
        return this;
    }
}
