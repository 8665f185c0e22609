package org.policysearch.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;

/** zh_smartcn alone and with zh_stop_punct; documents why no surrogate-merging filter is registered. */
public class TestSmartcnTokenizer extends BaseTokenStreamTestCase {

    private static Analyzer smartcn(boolean stopPunct) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new HMMChineseTokenizer();
                return new TokenStreamComponents(
                    tokenizer,
                    stopPunct ? new StopFilter(tokenizer, StopPunctTokenFilterFactory.PUNCTUATION) : tokenizer
                );
            }
        };
    }

    public void testPolicyWords() throws IOException {
        try (Analyzer analyzer = smartcn(false)) {
            assertAnalyzesTo(
                analyzer,
                "巩固脱贫攻坚成果",
                new String[] {"巩固", "脱贫", "攻坚", "成果"},
                new int[] {0, 2, 4, 6},
                new int[] {2, 4, 6, 8},
                new int[] {1, 1, 1, 1}
            );
            // Latin is lowercased and full-width folded by smartcn itself
            assertAnalyzesTo(analyzer, "XX市２０２０年", new String[] {"xx", "市", "2020", "年"}, new int[] {0, 2, 3, 7}, new int[] {2, 3, 7, 8});
        }
    }

    public void testPunctuationBecomesCommaAndIsRemoved() throws IOException {
        try (Analyzer analyzer = smartcn(false)) {
            assertAnalyzesTo(analyzer, "脱贫，攻坚。", new String[] {"脱贫", ",", "攻坚", ","});
        }
        try (Analyzer analyzer = smartcn(true)) {
            // the removed punctuation leaves a position gap, so phrases do not match across it
            assertAnalyzesTo(analyzer, "脱贫，攻坚。", new String[] {"脱贫", "攻坚"}, new int[] {0, 3}, new int[] {2, 5}, new int[] {1, 2});
        }
    }

    /**
     * elastic/elasticsearch#30739 reported smartcn splitting supplementary characters into lone surrogates. Lucene
     * 9.12 keeps them whole, which is why the plugin has no zh_surrogate_merge filter; this test guards that.
     */
    public void testSupplementaryCharactersStayWhole() throws IOException {
        try (Analyzer analyzer = smartcn(true)) {
            assertAnalyzesTo(analyzer, "钢𨨏厂", new String[] {"钢", "𨨏", "厂"}, new int[] {0, 1, 3}, new int[] {1, 3, 4}, new int[] {1, 1, 1});
            assertAnalyzesTo(analyzer, "𠀀𠀁", new String[] {"𠀀", "𠀁"}, new int[] {0, 2}, new int[] {2, 4}, new int[] {1, 1});
            for (int i = 0; i < 300 * RANDOM_MULTIPLIER; i++) {
                assertNoLoneSurrogates(analyzer, RandomCjk.text(random(), 30));
            }
        }
    }

    private static void assertNoLoneSurrogates(Analyzer analyzer, String text) throws IOException {
        try (TokenStream stream = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String t = term.toString();
                for (int i = 0; i < t.length(); i++) {
                    char c = t.charAt(i);
                    boolean paired = Character.isHighSurrogate(c)
                        ? i + 1 < t.length() && Character.isLowSurrogate(t.charAt(++i))
                        : Character.isLowSurrogate(c) == false;
                    assertTrue("lone surrogate in token [" + t + "] of [" + text + "]", paired);
                }
            }
            stream.end();
        }
    }

    public void testRandomText() throws IOException {
        try (Analyzer analyzer = smartcn(true)) {
            checkRandomData(random(), analyzer, 100 * RANDOM_MULTIPLIER);
        }
    }
}
