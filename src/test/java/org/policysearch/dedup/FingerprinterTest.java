package org.policysearch.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The duplicate cases users meet, end to end: text → fingerprint → resolver. */
class FingerprinterTest {

    private static final String SPEECH = Fixtures.fixture("speech-a.txt", StandardCharsets.UTF_8);

    private final Fingerprinter fingerprinter = new Fingerprinter(new TextNormalizer());
    private final DuplicateResolver resolver = new DuplicateResolver(new DedupProperties(0.8));
    private final Fingerprint original = fingerprinter.fingerprint(SPEECH);

    @Test
    void fingerprintHasExactHashSignatureAndBands() {
        assertThat(original.exactHash()).matches("[0-9a-f]{32}");
        assertThat(original.minhash()).hasSize(Fingerprinter.COMPONENTS);
        assertThat(original.bands()).hasSize(21).allMatch(key -> key.matches("b\\d{1,2}_[0-9a-f]{12}"));
        assertThat(fingerprinter.fingerprint(SPEECH)).isEqualTo(original);
    }

    @Test
    void copyWithOtherPunctuationAndWhitespaceIsAnExactDuplicate() {
        Fingerprint copy = fingerprinter.fingerprint(SPEECH.replace("，", ", ").replace("\n\n", "\r\n　　"));

        assertThat(copy.exactHash()).isEqualTo(original.exactHash());
        assertThat(resolver.bestMatch(copy, List.of(new Candidate("a", original, null))))
                .hasValue(new DuplicateMatch("a", "a", 1.0, true));
    }

    @Test
    void fullWidthDigitsAreTheSameAsAsciiDigits() {
        String ascii = SPEECH.replace("九十四名", "94名");
        String fullWidth = SPEECH.replace("九十四名", "９４名").replace("。", ". ");

        assertThat(fingerprinter.fingerprint(fullWidth).exactHash())
                .isEqualTo(fingerprinter.fingerprint(ascii).exactHash());
    }

    @Test
    void gbkCopyWithArabicNumeralsAndRewrappedLinesIsANearDuplicate() {
        Fingerprint copy =
                fingerprinter.fingerprint(Fixtures.fixture("speech-a.reformatted.gbk.txt", Charset.forName("GB18030")));

        assertThat(resolver.representativeOf(copy, List.of(new Candidate("a", original, null))))
                .hasValue("a");
        assertThat(sharedBands(copy, original)).isNotEmpty();
    }

    @Test
    void traditionalMirrorIsADuplicate() {
        Fingerprint opencc = fingerprinter.fingerprint(ZhConverterUtil.toTraditional(SPEECH));
        // Big5 with Taiwanese forms (裡 群 眾 為, and 著 for 着, which opencc's tables do not relate).
        Fingerprint big5 =
                fingerprinter.fingerprint(Fixtures.fixture("speech-a.traditional.big5.txt", Charset.forName("Big5")));

        assertThat(opencc.exactHash()).isEqualTo(original.exactHash());
        assertThat(resolver.representativeOf(big5, List.of(new Candidate("a", original, null))))
                .hasValue("a");
    }

    @Test
    void copyWithSiteChromeAndKeywordFooterIsANearDuplicate() {
        String chrome = "手机版 首页 > 范文大全 > 讲话稿 > 党建讲话 打印 纠错 微信扫一扫 收听本文 字数:2356 浏览:1746次\n";
        String footer = "\n温馨提示:本站文章均为会员上传,仅供下载参考。\n- 关 键 词:\n- 党建 乡村振兴 推进会 讲话 范文 下载\n";
        String scraped = chrome + SPEECH + footer;
        Fingerprint copy = fingerprinter.fingerprint(scraped);

        double extra = (double) (chrome.length() + footer.length()) / SPEECH.length();
        assertThat(extra).isBetween(0.08, 0.2);
        assertThat(Fingerprint.similarity(copy, original)).isGreaterThan(0.8);
        assertThat(sharedBands(copy, original)).isNotEmpty();
        assertThat(resolver.representativeOf(copy, List.of(new Candidate("a", original, null))))
                .hasValue("a");
    }

    @Test
    void placeholderAnonymisedCopyIsADuplicate() {
        String named = SPEECH.replace("在全县", "在河口县").replace("三个乡镇", "城关镇、河西乡、柳林镇三个乡镇");
        String anonymised = SPEECH.replace("在全县", "在XX县").replace("三个乡镇", "X镇、XX乡、某某镇三个乡镇");
        String placeholders = SPEECH.replace("在全县", "在某县").replace("三个乡镇", "某镇、某乡、XX镇三个乡镇");

        Fingerprint withNames = fingerprinter.fingerprint(named);
        Fingerprint withX = fingerprinter.fingerprint(anonymised);
        List<Candidate> indexed = List.of(new Candidate("named", withNames, null));

        assertThat(fingerprinter.fingerprint(placeholders).exactHash()).isEqualTo(withX.exactHash());
        assertThat(resolver.representativeOf(withX, indexed)).hasValue("named");
    }

    @Test
    void twoDifferentSpeechesOnTheSameTopicAreNotDuplicates() {
        Fingerprint other = fingerprinter.fingerprint(Fixtures.fixture("speech-b.txt", StandardCharsets.UTF_8));

        assertThat(Fingerprint.similarity(other, original)).isLessThan(0.2);
        assertThat(sharedBands(other, original)).isEmpty();
        assertThat(resolver.representativeOf(other, List.of(new Candidate("a", original, null))))
                .isEmpty();
    }

    @Test
    void twoDifferentLawsOnTheSameSubjectAreNotDuplicates() throws IOException {
        Path laws = Fixtures.sharedDir("corpus/laws_lawrefbook/docs");
        // The road traffic safety law and its implementing regulation share vocabulary and whole phrases.
        Fingerprint law = fingerprinter.fingerprint(Files.readString(laws.resolve("law-0826.txt")));
        Fingerprint regulation = fingerprinter.fingerprint(Files.readString(laws.resolve("law-1472.txt")));

        assertThat(Fingerprint.similarity(law, regulation)).isLessThan(0.2);
        assertThat(sharedBands(law, regulation)).isEmpty();
        assertThat(resolver.representativeOf(regulation, List.of(new Candidate("law-0826", law, null))))
                .isEmpty();
    }

    @Test
    void shortTextGetsAnExactHashButNoBands() {
        Fingerprint title = fingerprinter.fingerprint("关于做好2024年春节期间有关工作的通知");

        assertThat(title.exactHash()).matches("[0-9a-f]{32}");
        assertThat(title.minhash()).hasSize(Fingerprinter.COMPONENTS);
        assertThat(title.bands()).isEmpty();
    }

    @Test
    void textWithoutLettersGetsNoSignature() {
        Fingerprint empty = fingerprinter.fingerprint(" ，。！\n——");

        assertThat(empty.minhash()).isEmpty();
        assertThat(empty.bands()).isEmpty();
        assertThat(resolver.representativeOf(empty, List.of(new Candidate("e", empty, null))))
                .isEqualTo(Optional.empty());
    }

    private static Set<String> sharedBands(Fingerprint a, Fingerprint b) {
        Set<String> shared = new HashSet<>(a.bands());
        shared.retainAll(b.bands());
        return shared;
    }
}
