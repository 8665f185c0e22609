package org.policysearch.analysis;

import com.ibm.icu.text.FilteredNormalizer2;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.UnicodeSet;
import java.io.Reader;
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractCharFilterFactory;
import org.elasticsearch.index.analysis.NormalizingCharFilterFactory;

/**
 * {@code zh_nfkc}: ICU NFKC normalization as a char filter, so that full-width Latin and digits, Kangxi radicals
 * (U+2F00..U+2FD5) and CJK compatibility ideographs are folded before the tokenizer sees them, with offsets
 * corrected back to the original text.
 *
 * <p>Parameters: {@code name} ({@code nfkc}, the default, or {@code nfkc_cf}, which also case-folds) and
 * {@code unicode_set_filter} (an ICU UnicodeSet pattern; only matching characters are normalized). The default set
 * leaves out the Enclosed CJK and CJK Compatibility blocks (U+3200..U+33FF: ㋀, ㍠, ㌊...): NFKC expands each into
 * several characters of mixed scripts (㍠ → 8点, ㌊ → オーム), whose tokens then share one original offset and can
 * come out of the bigram filter with offsets going backwards (found by random testing). They are vanishingly rare
 * in policy text.
 */
final class NfkcCharFilterFactory extends AbstractCharFilterFactory implements NormalizingCharFilterFactory {

    static final String DEFAULT_SET = "[^\\u3200-\\u33FF]";

    private final Normalizer2 normalizer;

    NfkcCharFilterFactory(String name, Settings settings) {
        super(name);
        ComponentSettings params = ComponentSettings.of(name, settings, "name", "unicode_set_filter");
        String form = params.getString("name", "nfkc");
        Normalizer2 base = switch (form) {
            case "nfkc" -> Normalizer2.getNFKCInstance();
            case "nfkc_cf" -> Normalizer2.getNFKCCasefoldInstance();
            default -> throw params.invalid("name", form, "expected [nfkc] or [nfkc_cf]");
        };
        String filter = params.getString("unicode_set_filter", DEFAULT_SET);
        this.normalizer = new FilteredNormalizer2(base, unicodeSet(params, filter));
    }

    private static UnicodeSet unicodeSet(ComponentSettings params, String pattern) {
        try {
            return new UnicodeSet(pattern).freeze();
        } catch (IllegalArgumentException e) {
            throw params.invalid("unicode_set_filter", pattern, "not a valid ICU UnicodeSet pattern (" + e.getMessage() + ")");
        }
    }

    @Override
    public Reader create(Reader reader) {
        return new ICUNormalizer2CharFilter(reader, normalizer);
    }
}
