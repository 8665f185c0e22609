package org.policysearch.search;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The value search of a large facet ("show more", then type 人民政府) as a terms {@code include} pattern. The
 * filtering happens in Elasticsearch because a client-side filter would have to fetch every value of a facet
 * such as issuingBody, whose count grows with the corpus, to be exact.
 */
final class ValueFilter {

    private ValueFilter() {}

    /**
     * A Lucene regular expression matching values that contain the literal filter, in its Simplified or
     * Traditional form (facet values keep the script of their source). Every character that is not a letter or
     * digit is escaped, so user input never acts as an operator ({@code .*}, {@code ~}, {@code @}, {@code <1-9>}…).
     */
    static String containing(String filter) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(filter);
        forms.add(ZhConverterUtil.toSimple(filter));
        forms.add(ZhConverterUtil.toTraditional(filter));
        return forms.stream().map(ValueFilter::literal).collect(Collectors.joining("|", ".*(", ").*"));
    }

    static String literal(String text) {
        StringBuilder out = new StringBuilder(text.length() * 2);
        text.codePoints().forEach(c -> {
            if (!Character.isLetterOrDigit(c)) {
                out.append('\\');
            }
            out.appendCodePoint(c);
        });
        return out.toString();
    }
}
