package org.policysearch.analysis;

import com.ibm.icu.text.FilteredNormalizer2;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.UnicodeSet;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The service's four analysis chains (README.md) assembled from the same Lucene classes and shared maps that the
 * plugin's factories use, so they can be exercised with Lucene's test framework without an Elasticsearch node.
 */
final class ZhChains {

    /** As zh_nfkc builds it by default. */
    static final Normalizer2 NFKC = new FilteredNormalizer2(
            Normalizer2.getNFKCInstance(), new UnicodeSet(NfkcCharFilterFactory.DEFAULT_SET).freeze());

    private ZhChains() {}

    /** char_filter [zh_fold, zh_nfkc, zh_t2s], the common front of every chain. */
    static Reader charFilters(Reader reader) {
        return t2s(new ICUNormalizer2CharFilter(new MappingCharFilter(CharMaps.fold(), reader), NFKC));
    }

    static Reader t2s(Reader reader) {
        return new MappingCharFilter(CharMaps.t2s(), reader);
    }

    /** zh_word: smartcn words, punctuation removed, lowercased. */
    static Analyzer word() {
        return word(null);
    }

    /** zh_word_search: zh_word plus synonyms; {@code synonyms == null} gives zh_word. */
    static Analyzer word(SynonymMap synonyms) {
        return new Analyzer() {
            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return charFilters(reader);
            }

            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new HMMChineseTokenizer();
                TokenStream stream = new LowerCaseFilter(new StopFilter(tokenizer, StopPunctTokenFilterFactory.PUNCTUATION));
                return new TokenStreamComponents(tokenizer, synonyms == null ? stream : new SynonymGraphFilter(stream, synonyms, false));
            }
        };
    }

    /** zh_char: one token per Han character from the standard tokenizer. */
    static Analyzer character() {
        return standard(false);
    }

    /** zh_bigram: overlapping Han bigrams. */
    static Analyzer bigram() {
        return standard(true);
    }

    private static Analyzer standard(boolean bigrams) {
        return new Analyzer() {
            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return charFilters(reader);
            }

            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = new LowerCaseFilter(tokenizer);
                return new TokenStreamComponents(tokenizer, bigrams ? new CJKBigramFilter(stream) : stream);
            }
        };
    }

    /** Runs a char filter chain over {@code text} and returns the filtered characters. */
    static String filter(String text, UnaryOperator<Reader> chain) {
        try (Reader reader = chain.apply(new StringReader(text))) {
            StringBuilder out = new StringBuilder();
            char[] buffer = new char[256];
            for (int n; (n = reader.read(buffer)) != -1; ) {
                out.append(buffer, 0, n);
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
