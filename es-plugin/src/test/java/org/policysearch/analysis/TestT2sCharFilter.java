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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import com.github.houbb.opencc4j.util.ZhConverterUtil;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
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
        // Written entirely in GB2312 characters in Traditional (乾 for 干, 覆 for 复, 著 for 着).
        assertEquals("抗击干旱", t2s("抗擊乾旱"));
        assertEquals("现批复如下", t2s("現批覆如下"));
        assertEquals("这意味着要着力解决", t2s("這意味著要著力解決"));
        // Written by OpenCC's S->T, not undone by its T->S data.
        assertEquals("兼收并蓄，背包，伙夫", t2s("兼收幷蓄，揹包，伙伕"));
        assertEquals("平面坐标系", t2s("平面座標系"));
        assertEquals("用于单位，属于单一", t2s("用於單位，屬於單一"));
        assertEquals("对著作权人", t2s("對著作權人"));
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
        // Guards keep the 覆/著 phrase keys from matching across Simplified word boundaries.
        assertEquals("向著作权人支付报酬", t2s("向著作权人支付报酬"));
        assertEquals("有著名的景区", t2s("有著名的景区"));
        assertEquals("成效显著重在落实", t2s("成效显著重在落实"));
        assertEquals("颠覆核心", t2s("颠覆核心"));
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

    /**
     * Multi-character additions must contain a non-GB2312 character, so they can never match Simplified text; a
     * single-character addition is either a vetted GB2312 character or one OpenCC's table lacks.
     */
    public void testExtraPhrasesCannotMatchSimplifiedText() {
        CharsetEncoder encoder = GB2312.newEncoder();
        Map<String, String> openCc = new HashMap<>();
        MappingTable.read("opencc/TSCharacters.txt", openCc::put);
        MappingTable.read("t2s_extra.txt", (source, target) -> {
            if (source.codePointCount(0, source.length()) > 1) {
                assertFalse("phrase key " + source + " is all GB2312", encoder.canEncode(source));
            } else {
                assertTrue("single-character key " + source + " is already covered by OpenCC",
                        encoder.canEncode(source) || openCc.containsKey(source) == false);
            }
        });
    }

    /**
     * The all-GB2312 phrase keys are words Simplified text does not write, and their guards keep them from matching
     * across Simplified word boundaries: with or without the keys, Simplified policy text folds the same.
     */
    public void testGb2312PhraseKeysLeaveSimplifiedTextAlone() throws IOException {
        CharsetEncoder encoder = GB2312.newEncoder();
        int[] keys = new int[1];
        MappingTable.read("t2s_gb2312_phrases.txt", (source, target) -> {
            assertTrue("key " + source + " is all GB2312", encoder.canEncode(source));
            if (source.equals(target) == false) {
                keys[0]++;
            }
        });
        assertTrue(keys[0] > 10);
        String text = sample() + corpusText("the GB2312 phrases are checked on the bundled sample only");
        NormalizeCharMap withoutKeys = CharMaps.buildT2s(false);
        assertEquals(ZhChains.filter(text, r -> new MappingCharFilter(withoutKeys, r)), t2s(text));
    }

    /**
     * The text of every Simplified corpus document, joined by line breaks; "" (with a printed notice) when
     * ../shared is absent.
     */
    private static String corpusText(String consequence) throws IOException {
        Path corpus = Path.of(System.getProperty("policy.shared-dir", "../../shared"), "corpus");
        if (Files.isDirectory(corpus) == false) {
            System.out.println("NOTICE: ../shared/corpus absent; " + consequence);
            return "";
        }
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.find(corpus, 3, (path, attrs) -> path.toString().endsWith(".txt")
                && path.getParent().getFileName().toString().equals("docs"))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                text.append('\n').append(Files.readString(file));
            }
        }
        assertTrue("corpus text read", text.length() > 1_000_000);
        return text.toString();
    }

    /**
     * What users' converters make of Simplified text (OpenCC as packaged by opencc4j, which SubstringRecallIT also uses)
     * folds back to it: a Traditional query finds the Simplified document.
     */
    public void testOpenCcTraditionalFoldsBackToSimplified() throws IOException {
        String sample = sample();
        String traditional = ZhConverterUtil.toTraditional(sample);
        assertFalse(traditional.equals(sample));
        assertEquals(sample, t2s(traditional));
        for (String word : new String[] {"批复如下", "干旱", "意味着", "着力", "本着", "复核", "复查", "复函"}) {
            assertEquals(word, t2s(ZhConverterUtil.toTraditional(word)));
        }
    }

    /**
     * The same over the whole Simplified corpus, line by line: counts the Simplified (GB2312) characters that do not
     * come back. Characters already Traditional in the source fold at index and query time alike, so they are not
     * counted. Before t2s_gb2312_phrases.txt and the additions 166 characters differed (source-Traditional ones
     * included); 31 remain: rare words outside the vetted lists (捱/挨, 薰/熏) and names with 乾 or 於.
     */
    public void testOpenCcTraditionalOfTheCorpusFoldsBack() throws IOException {
        String corpus = corpusText("the corpus round trip is skipped");
        assumeTrue("../shared/corpus absent", corpus.isEmpty() == false);
        CharsetEncoder gb2312 = GB2312.newEncoder();
        long checked = 0;
        Map<String, Integer> wrong = new HashMap<>();
        for (String line : corpus.split("\n")) {
            String back = t2s(ZhConverterUtil.toTraditional(line));
            checked += line.length();
            if (back.equals(line)) {
                continue;
            }
            int[] source = line.codePoints().toArray();
            int[] folded = back.codePoints().toArray();
            assertEquals("the fold maps code point for code point: " + line, source.length, folded.length);
            for (int i = 0; i < source.length; i++) {
                String c = Character.toString(source[i]);
                if (folded[i] != source[i] && gb2312.canEncode(c)) {
                    wrong.merge(c + "→" + Character.toString(folded[i]), 1, Integer::sum);
                }
            }
        }
        int total = wrong.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf(java.util.Locale.ROOT, "T→S round trip of the corpus: %d of %d characters wrong %s%n", total, checked, wrong);
        assertTrue("round-trip errors " + wrong, total <= 40);
    }

    public void testEveryOpenCcPhraseConvertsToItsFirstCandidate() {
        MappingTable.read("opencc/TSPhrases.txt", (source, target) -> assertEquals(source, target, t2s(source)));
    }

    private String sample() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("simplified-policy-sample.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    public void testSimplifiedPolicyTextIsIdempotent() throws IOException {
        String sample = sample();
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
