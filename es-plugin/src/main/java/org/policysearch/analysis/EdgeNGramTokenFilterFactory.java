package org.policysearch.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;

/**
 * {@code zh_edge_ngram}: token prefixes for search-as-you-type fields.
 *
 * <p>Parameters: {@code min_gram} (default 1), {@code max_gram} (default 2) and {@code preserve_original} (default
 * {@code false}; also emit tokens longer than {@code max_gram} unchanged). Grams count code points, so a
 * supplementary character is never cut in half.
 */
final class EdgeNGramTokenFilterFactory extends AbstractTokenFilterFactory {

    private final int minGram;
    private final int maxGram;
    private final boolean preserveOriginal;

    EdgeNGramTokenFilterFactory(String name, Settings settings) {
        super(name, settings);
        ComponentSettings params = ComponentSettings.of(name, settings, "min_gram", "max_gram", "preserve_original");
        this.minGram = params.getInt("min_gram", 1);
        this.maxGram = params.getInt("max_gram", 2);
        this.preserveOriginal = params.getBoolean("preserve_original", false);
        if (minGram < 1) {
            throw params.invalid("min_gram", minGram, "must be at least 1");
        }
        if (maxGram < minGram) {
            throw params.invalid("max_gram", maxGram, "must not be smaller than min_gram [" + minGram + "]");
        }
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new EdgeNGramTokenFilter(tokenStream, minGram, maxGram, preserveOriginal);
    }

    @Override
    public TokenFilterFactory getSynonymFilter() {
        // Several grams per position would make every synonym rule fail to parse.
        throw new IllegalArgumentException("Token filter [" + name() + "] cannot be used to parse synonyms");
    }
}
