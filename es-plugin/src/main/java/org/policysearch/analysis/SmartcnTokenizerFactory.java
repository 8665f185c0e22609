package org.policysearch.analysis;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenizerFactory;

/**
 * {@code zh_smartcn}: Lucene's smartcn word segmenter. It expects Simplified input (hence {@code zh_t2s} in front),
 * folds full-width Latin, lowercases Latin, and emits every punctuation mark as the token {@code ","}
 * (removed by {@code zh_stop_punct}). Lucene 9.12 keeps supplementary-plane characters such as 𨨏 whole, so no
 * surrogate-merging filter is needed. No parameters.
 */
final class SmartcnTokenizerFactory extends AbstractTokenizerFactory {

    SmartcnTokenizerFactory(IndexSettings indexSettings, String name, Settings settings) {
        super(indexSettings, settings, name);
        ComponentSettings.of(name, settings);
    }

    @Override
    public Tokenizer create() {
        return new HMMChineseTokenizer();
    }
}
