package org.policysearch.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.tests.analysis.MockTokenizer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.apache.lucene.tests.util.TestUtil;

public class TestT2sCharFilter extends BaseTokenStreamTestCase {

    private static final Charset GB2312 = Charset.forName("GB2312");

    /** zh_t2s in front of a whole-input keyword tokenizer, to see the folded text and its offsets at once. */
    private static Analyzer keywordT2s() {
        return new Analyzer() {
            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return ZhChains.t2s(reader);
            }

            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new MockTokenizer(MockTokenizer.KEYWORD, false);
                return new TokenStreamComponents(tokenizer, tokenizer);
            }
        };
    }

    private static String t2s(String text) {
        return ZhChains.filter(text, ZhChains::t2s);
    }

    public void testTraditionalWordsAreSimplified() {
        assertEquals("乡镇干部", t2s("鄉鎮幹部"));
        assertEquals("经验", t2s("經驗"));
        assertEquals("党组织", t2s("黨組織"));
        assertEquals("巩固脱贫攻坚成果", t2s("鞏固脫貧攻堅成果"));
        assertEquals("关于进一步加强农村基层党组织建设的意见", t2s("關於進一步加強農村基層黨組織建設的意見"));
    }

    public void testOffsetsPointAtTraditionalOriginal() throws IOException {
        try (Analyzer analyzer = keywordT2s()) {
            assertAnalyzesTo(analyzer, "鄉鎮幹部", new String[] {"乡镇干部"}, new int[] {0}, new int[] {4});
        }
        try (Analyzer analyzer = ZhChains.word()) {
            assertAnalyzesTo(analyzer, "鄉鎮幹部", new String[] {"乡镇", "干部"}, new int[] {0, 2}, new int[] {2, 4}, new int[] {1, 1});
        }
    }

    public void testSimplifiedWordsThatLookTraditionalStay() {
        assertEquals("乾隆", t2s("乾隆"));
        assertEquals("乾坤", t2s("乾坤"));
        assertEquals("瞭望", t2s("瞭望"));
        assertEquals("显著", t2s("显著"));
        assertEquals("著名著作", t2s("著名著作"));
    }

    public void testPhrasesWinOverCharacters() {
        assertEquals("一目了然", t2s("一目瞭然"));
        assertEquals("借口", t2s("藉口"));
        assertEquals("干干净净", t2s("乾乾淨淨"));
        assertEquals("乾坤", t2s("乾坤"));
    }

    public void testHandPickedAdditions() {
        assertEquals("关于", t2s("關於"));
        assertEquals("以后", t2s("以後"));
        assertEquals("征求意见", t2s("徵求意見"));
        assertEquals("随着经济发展", t2s("隨著經濟發展"));
        assertEquals("干净", t2s("乾淨"));
        assertEquals("存折", t2s("存摺"));
    }

    /** Every character GB2312 can encode passes unchanged, except the vetted additions in t2s_extra.txt. */
    public void testGb2312CharactersPassUnchanged() throws CharacterCodingException {
        Map<String, String> extra = new HashMap<>();
        MappingTable.read("t2s_extra.txt", extra::put);
        CharsetDecoder decoder = GB2312.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        int checked = 0;
        for (int row = 0xB0; row <= 0xF7; row++) { // GB2312 rows 16-87 hold the 6,763 hanzi
            for (int cell = 0xA1; cell <= 0xFE; cell++) {
                CharBuffer decoded;
                try {
                    decoded = decoder.decode(ByteBuffer.wrap(new byte[] {(byte) row, (byte) cell}));
                } catch (CharacterCodingException unassigned) {
                    continue;
                }
                String c = decoded.toString();
                assertEquals("GB2312 character " + c, extra.getOrDefault(c, c), t2s(c));
                checked++;
            }
        }
        assertEquals(6763, checked);
    }

    /** Multi-character additions must contain a non-GB2312 character, so they can never match Simplified text. */
    public void testExtraPhrasesCannotMatchSimplifiedText() {
        CharsetEncoder encoder = GB2312.newEncoder();
        MappingTable.read("t2s_extra.txt", (source, target) -> {
            if (source.codePointCount(0, source.length()) > 1) {
                assertFalse("phrase key " + source + " is all GB2312", encoder.canEncode(source));
            } else {
                assertTrue("single-character key " + source + " is already covered by OpenCC", encoder.canEncode(source));
            }
        });
    }

    public void testEveryOpenCcPhraseConvertsToItsFirstCandidate() {
        MappingTable.read("opencc/TSPhrases.txt", (source, target) -> assertEquals(source, target, t2s(source)));
    }

    public void testSimplifiedPolicyTextIsIdempotent() throws IOException {
        String sample;
        try (InputStream in = getClass().getResourceAsStream("simplified-policy-sample.txt")) {
            sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(sample.length() > 500);
        assertEquals(sample, t2s(sample));
    }

    public void testSupplementaryCharactersAndOffsets() throws IOException {
        // 𠀀 (U+20000) is untouched; the surrounding Traditional characters still fold with correct offsets.
        try (Analyzer analyzer = keywordT2s()) {
            assertAnalyzesTo(analyzer, "鄉𠀀鎮", new String[] {"乡𠀀镇"}, new int[] {0}, new int[] {4});
        }
    }

    public void testRandomText() throws IOException {
        try (Analyzer analyzer = keywordT2s()) {
            checkRandomData(random(), analyzer, 200 * RANDOM_MULTIPLIER);
            for (int i = 0; i < 200 * RANDOM_MULTIPLIER; i++) {
                checkAnalysisConsistency(random(), analyzer, random().nextBoolean(), RandomCjk.text(random(), 40));
            }
        }
    }

    public void testRandomUnicodeDoesNotBreak() {
        for (int i = 0; i < 200 * RANDOM_MULTIPLIER; i++) {
            String text = TestUtil.randomUnicodeString(random(), 30);
            assertNotNull(t2s(text));
        }
    }
}
