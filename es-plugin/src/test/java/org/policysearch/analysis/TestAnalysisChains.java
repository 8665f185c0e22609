package org.policysearch.analysis;

import com.ibm.icu.text.Normalizer2;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;

/** The four chains the service defines (README.md), built from the plugin's Lucene components. */
public class TestAnalysisChains extends BaseTokenStreamTestCase {

    private static final String TRADITIONAL = "鄉鎮幹部鞏固脫貧攻堅成果，ＡＢＣ２０２０年";

    public void testWordChain() throws IOException {
        try (Analyzer analyzer = ZhChains.word()) {
            assertAnalyzesTo(
                analyzer,
                TRADITIONAL,
                new String[] {"乡镇", "干部", "巩固", "脱贫", "攻坚", "成果", "abc", "2020", "年"},
                new int[] {0, 2, 4, 6, 8, 10, 13, 16, 20},
                new int[] {2, 4, 6, 8, 10, 12, 16, 20, 21},
                new int[] {1, 1, 1, 1, 1, 1, 2, 1, 1}
            );
            // Kangxi radical (NFKC) and Radicals Supplement (zh_fold) code points from PDF extraction
            assertAnalyzesTo(analyzer, "⼈⺠政府", new String[] {"人民政府"}, new int[] {0}, new int[] {4}, new int[] {1});
        }
    }

    public void testWordSearchChainExpandsSynonyms() throws IOException, ParseException {
        try (Analyzer word = ZhChains.word()) {
            // Rules are analyzed by the chain in front of the synonym filter, Traditional spelling included.
            LenientSolrSynonymParser parser = new LenientSolrSynonymParser(true, false, word);
            parser.parse(new StringReader("扶貧開發, 脱贫攻坚"));
            SynonymMap synonyms = parser.build();
            try (Analyzer analyzer = ZhChains.word(synonyms)) {
                assertAnalyzesTo(
                    analyzer,
                    "脫貧攻堅",
                    new String[] {"扶贫", "脱贫", "开发", "攻坚"},
                    new int[] {0, 0, 0, 2},
                    new int[] {4, 2, 4, 4},
                    null,
                    new int[] {1, 0, 1, 1},
                    new int[] {1, 2, 2, 1},
                    true
                );
            }
        }
    }

    public void testCharChain() throws IOException {
        try (Analyzer analyzer = ZhChains.character()) {
            assertAnalyzesTo(
                analyzer,
                "鄉鎮⼀⻓ＡＢＣ２０２０",
                new String[] {"乡", "镇", "一", "长", "abc2020"},
                new int[] {0, 1, 2, 3, 4},
                new int[] {1, 2, 3, 4, 11},
                new int[] {1, 1, 1, 1, 1}
            );
        }
    }

    public void testBigramChain() throws IOException {
        try (Analyzer analyzer = ZhChains.bigram()) {
            assertAnalyzesTo(
                analyzer,
                "鞏固脫貧，鄉",
                new String[] {"巩固", "固脱", "脱贫", "乡"},
                new int[] {0, 1, 2, 5},
                new int[] {2, 3, 4, 6},
                new int[] {1, 1, 1, 1}
            );
        }
    }

    /** Simplified input must come out of the shared char filters exactly as NFKC alone leaves it. */
    public void testSimplifiedTextPassesCharFiltersUnchanged() throws IOException {
        String sample;
        try (InputStream in = getClass().getResourceAsStream("simplified-policy-sample.txt")) {
            sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String nfkcOnly = ZhChains.NFKC.normalize(sample);
        assertEquals(nfkcOnly, ZhChains.filter(sample, ZhChains::charFilters));
    }

    public void testRandomText() throws IOException {
        for (Analyzer analyzer : new Analyzer[] {ZhChains.word(), ZhChains.character(), ZhChains.bigram()}) {
            try (analyzer) {
                checkRandomData(random(), analyzer, 100 * RANDOM_MULTIPLIER);
                for (int i = 0; i < 100 * RANDOM_MULTIPLIER; i++) {
                    checkAnalysisConsistency(random(), analyzer, random().nextBoolean(), RandomCjk.text(random(), 40));
                }
            }
        }
    }

    public void testRandomLongText() throws IOException {
        try (Analyzer analyzer = ZhChains.word()) {
            checkRandomData(random(), analyzer, 5 * RANDOM_MULTIPLIER, 4096);
        }
    }
}
