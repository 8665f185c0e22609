package org.policysearch.analysis;

import java.util.List;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;

/**
 * {@code zh_stop_punct}: removes the {@code ","} token that smartcn emits for every punctuation mark, leaving a
 * position gap like any stop filter so phrase queries do not match across punctuation. No parameters; it keeps
 * the chain independent of how core's {@code stop} filter is configured.
 */
final class StopPunctTokenFilterFactory extends AbstractTokenFilterFactory {

    /** smartcn's {@code Utility.COMMON_DELIMITER}, the single token it maps all punctuation to. */
    static final CharArraySet PUNCTUATION = CharArraySet.unmodifiableSet(new CharArraySet(List.of(","), false));

    StopPunctTokenFilterFactory(String name, Settings settings) {
        super(name, settings);
        ComponentSettings.of(name, settings);
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new StopFilter(tokenStream, PUNCTUATION);
    }
}
