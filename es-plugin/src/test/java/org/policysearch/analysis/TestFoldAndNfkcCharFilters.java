package org.policysearch.analysis;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilter;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;

public class TestFoldAndNfkcCharFilters extends BaseTokenStreamTestCase {

    private static Reader fold(Reader reader) {
        return new MappingCharFilter(CharMaps.fold(), reader);
    }

    private static Reader nfkc(Reader reader) {
        return new ICUNormalizer2CharFilter(reader, Normalizer2.getNFKCInstance());
    }

    private static Analyzer whitespace(UnaryOperator<Reader> charFilter) {
        return new Analyzer() {
            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return charFilter.apply(reader);
            }

            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                return new TokenStreamComponents(new WhitespaceTokenizer());
            }
        };
    }

    public void testRadicalsSupplementFoldToIdeographs() {
        assertEquals("长", ZhChains.filter("⻓", TestFoldAndNfkcCharFilters::fold));
        assertEquals("门", ZhChains.filter("⻔", TestFoldAndNfkcCharFilters::fold));
        assertEquals("民", ZhChains.filter("⺠", TestFoldAndNfkcCharFilters::fold));
        assertEquals("人民政府", ZhChains.filter("人⺠政府", TestFoldAndNfkcCharFilters::fold));
    }

    /** Every radical that zh_fold maps must land on a unified ideograph, never on another radical. */
    public void testFoldTableTargetsAreUnifiedIdeographs() {
        int[] radicals = {0};
        MappingTable.read("zh_fold.txt", (source, target) -> {
            int cp = source.codePointAt(0);
            if (cp >= 0x2E80 && cp <= 0x2EF3) {
                radicals[0]++;
                int t = target.codePointAt(0);
                assertEquals(source, 1, target.codePointCount(0, target.length()));
                assertTrue(source + " -> " + target, UCharacter.hasBinaryProperty(t, UProperty.UNIFIED_IDEOGRAPH));
            }
        });
        assertTrue(radicals[0] > 100);
    }

    public void testInvisibleCharactersAndIdeographicSpace() throws IOException {
        try (Analyzer analyzer = whitespace(TestFoldAndNfkcCharFilters::fold)) {
            // zero-width space, joiners and BOM vanish; the token still spans the original characters
            assertAnalyzesTo(analyzer, "脱\u200B贫\u200C攻\u200D坚\uFEFF", new String[] {"脱贫攻坚"}, new int[] {0}, new int[] {8});
            // U+3000 separates words like an ASCII space
            assertAnalyzesTo(analyzer, "乡村\u3000振兴", new String[] {"乡村", "振兴"}, new int[] {0, 3}, new int[] {2, 5});
        }
    }

    public void testNfkcFoldsFullWidthWithOriginalOffsets() throws IOException {
        try (Analyzer analyzer = whitespace(TestFoldAndNfkcCharFilters::nfkc)) {
            assertAnalyzesTo(analyzer, "ＡＢＣ ２０２０", new String[] {"ABC", "2020"}, new int[] {0, 4}, new int[] {3, 8});
            // expansions: one original character becomes several, offsets still cover exactly that character
            assertAnalyzesTo(analyzer, "㍿ ﬁx", new String[] {"株式会社", "fix"}, new int[] {0, 2}, new int[] {1, 4});
        }
    }

    public void testNfkcFoldsKangxiRadicals() {
        assertEquals("一人口", ZhChains.filter("⼀⼈⼝", TestFoldAndNfkcCharFilters::nfkc));
        // Radicals Supplement characters are not folded by NFKC, hence zh_fold
        assertEquals("⻓", ZhChains.filter("⻓", TestFoldAndNfkcCharFilters::nfkc));
        // CJK compatibility ideographs fold to their unified twins
        assertEquals("六", ZhChains.filter("\uF9D1", TestFoldAndNfkcCharFilters::nfkc));
    }

    public void testRandomText() throws IOException {
        for (UnaryOperator<Reader> charFilter : List.<UnaryOperator<Reader>>of(
            TestFoldAndNfkcCharFilters::fold,
            TestFoldAndNfkcCharFilters::nfkc,
            ZhChains::charFilters
        )) {
            try (Analyzer analyzer = whitespace(charFilter)) {
                checkRandomData(random(), analyzer, 100 * RANDOM_MULTIPLIER);
                for (int i = 0; i < 100 * RANDOM_MULTIPLIER; i++) {
                    checkAnalysisConsistency(random(), analyzer, random().nextBoolean(), RandomCjk.text(random(), 40));
                }
            }
        }
    }
}
