package org.policysearch.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;

/**
 * {@code zh_length}: drops tokens whose length in UTF-16 code units is outside {@code [min, max]}.
 *
 * <p>Parameters: {@code min} (default 0) and {@code max} (default {@link Integer#MAX_VALUE}).
 */
final class LengthTokenFilterFactory extends AbstractTokenFilterFactory {

    private final int min;
    private final int max;

    LengthTokenFilterFactory(String name, Settings settings) {
        super(name, settings);
        ComponentSettings params = ComponentSettings.of(name, settings, "min", "max");
        this.min = params.getInt("min", 0);
        this.max = params.getInt("max", Integer.MAX_VALUE);
        if (min < 0) {
            throw params.invalid("min", min, "must not be negative");
        }
        if (max < min) {
            throw params.invalid("max", max, "must not be smaller than min [" + min + "]");
        }
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new LengthFilter(tokenStream, min, max);
    }
}
