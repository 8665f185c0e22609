package org.policysearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ValueFilterTest {

    /** Lucene's regexp operators (with the optional ones Elasticsearch enables) and Java's. */
    private static final String SPECIALS = ".?+*|{}[]()\"\\#@&<>~^$-/ 　·、（）";

    @Test
    void everyOperatorCharacterIsEscapedAndLettersAreNot() {
        for (char c : SPECIALS.toCharArray()) {
            assertThat(ValueFilter.literal(String.valueOf(c))).isEqualTo("\\" + c);
        }
        assertThat(ValueFilter.literal("国务院办公厅2024ab")).isEqualTo("国务院办公厅2024ab");
    }

    /**
     * Backslash-escaped punctuation is literal in Lucene's and Java's regexp syntax alike, so Java's engine checks
     * that the pattern matches exactly the values containing the filter, whatever the filter.
     */
    @Test
    void patternMatchesExactlyTheValuesContainingTheFilter() {
        Random random = new Random(42);
        String alphabet = "ab国务院" + SPECIALS;
        for (int i = 0; i < 2000; i++) {
            String filter = randomString(random, alphabet, 1 + random.nextInt(4));
            Pattern pattern = Pattern.compile(ValueFilter.containing(filter), Pattern.DOTALL);
            for (int j = 0; j < 20; j++) {
                String value = randomString(random, alphabet, random.nextInt(8));
                if (j == 0) {
                    value = value + filter + value;
                }
                assertThat(pattern.matcher(value).matches())
                        .as("filter %s on value %s", filter, value)
                        .isEqualTo(value.contains(filter));
            }
        }
    }

    @Test
    void simplifiedFilterAlsoFindsTraditionalValues() {
        Pattern pattern = Pattern.compile(ValueFilter.containing("国务院"));
        assertThat(List.of("中华人民共和国国务院", "國務院辦公廳", "人大常委会"))
                .filteredOn(v -> pattern.matcher(v).matches())
                .containsExactly("中华人民共和国国务院", "國務院辦公廳");
    }

    private static String randomString(Random random, String alphabet, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
