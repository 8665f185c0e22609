package org.policysearch.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;

/**
 * {@code zh_flatten_graph}: squashes a token graph (e.g. from {@code zh_synonym_graph} with multi-word synonyms) into
 * the linear form the index can store; needed only if synonyms are ever applied at index time. No parameters.
 */
final class FlattenGraphTokenFilterFactory extends AbstractTokenFilterFactory {

    FlattenGraphTokenFilterFactory(String name, Settings settings) {
        super(name, settings);
        ComponentSettings.of(name, settings);
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new FlattenGraphFilter(tokenStream);
    }
}
