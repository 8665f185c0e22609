package org.policysearch.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;

/**
 * Solr-format synonym parser with Elasticsearch's {@code lenient} semantics: a rule term that the analysis chain
 * cannot turn into tokens (e.g. it is all punctuation, or analyzes to stacked tokens) is skipped instead of failing
 * the whole index, mirroring analysis-common's {@code ESSolrSynonymParser}.
 */
final class LenientSolrSynonymParser extends SolrSynonymParser {

    private final boolean lenient;

    LenientSolrSynonymParser(boolean expand, boolean lenient, Analyzer analyzer) {
        super(true, expand, analyzer);
        this.lenient = lenient;
    }

    @Override
    public CharsRef analyze(String text, CharsRefBuilder reuse) throws IOException {
        try {
            return super.analyze(text, reuse);
        } catch (IllegalArgumentException e) {
            if (lenient) {
                // An empty term marks the rule side as unusable; add() below drops it.
                return new CharsRef("");
            }
            throw e;
        }
    }

    @Override
    public void add(CharsRef input, CharsRef output, boolean includeOrig) {
        if (lenient == false || (input.length > 0 && output.length > 0)) {
            super.add(input, output, includeOrig);
        }
    }
}
