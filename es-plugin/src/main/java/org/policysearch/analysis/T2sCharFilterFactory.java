package org.policysearch.analysis;

import java.io.Reader;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractCharFilterFactory;
import org.elasticsearch.index.analysis.NormalizingCharFilterFactory;

/**
 * {@code zh_t2s}: phrase-aware Traditional→Simplified folding before tokenization.
 *
 * <p>smartcn only knows Simplified words, so folding has to happen on characters; {@link MappingCharFilter} does a
 * longest match over OpenCC phrases and characters and records offset corrections, so highlighting still points at
 * the original Traditional text. No parameters.
 */
final class T2sCharFilterFactory extends AbstractCharFilterFactory implements NormalizingCharFilterFactory {

    private final NormalizeCharMap map;

    T2sCharFilterFactory(String name, Settings settings) {
        super(name);
        ComponentSettings.of(name, settings);
        // Touch the shared map now so a broken data file fails index creation instead of the first analysis.
        this.map = CharMaps.t2s();
    }

    @Override
    public Reader create(Reader reader) {
        return new MappingCharFilter(map, reader);
    }
}
