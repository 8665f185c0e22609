package org.policysearch.analysis;

import java.io.Reader;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractCharFilterFactory;
import org.elasticsearch.index.analysis.NormalizingCharFilterFactory;

/**
 * {@code zh_fold}: folds what PDF extraction leaves behind and NFKC does not touch: CJK Radicals Supplement code
 * points (⻓ for 长), zero-width characters and the ideographic space. The table is the bundled {@code zh_fold.txt}.
 * No parameters.
 */
final class FoldCharFilterFactory extends AbstractCharFilterFactory implements NormalizingCharFilterFactory {

    private final NormalizeCharMap map;

    FoldCharFilterFactory(String name, Settings settings) {
        super(name);
        ComponentSettings.of(name, settings);
        this.map = CharMaps.fold();
    }

    @Override
    public Reader create(Reader reader) {
        return new MappingCharFilter(map, reader);
    }
}
