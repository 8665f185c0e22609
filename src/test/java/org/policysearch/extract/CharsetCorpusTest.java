package org.policysearch.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.houbb.opencc4j.util.ZhTwConverterUtil;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Charset choice measured on the shared corpus: real policy texts re-encoded as UTF-8, GB18030, Big5 (after
 * conversion to Traditional) and BOM-less UTF-16LE, whole and cut to short snippets, and the scraped pages re-encoded
 * as GBK while still declaring utf-8. The common-character list was derived from these corpora, so the seeds (not
 * used for it) give the out-of-sample figure.
 */
class CharsetCorpusTest {

    private static final int DOCS_PER_CORPUS = 100;

    private static Path shared;
    private static TextDecoder decoder;

    @BeforeAll
    static void locate() {
        shared = Path.of(System.getProperty("policy.shared-dir", "../shared"));
        decoder = new TextDecoder(new TextPlausibility(CommonChars.defaults()), 65536);
    }

    private static void assumeShared() {
        if (!Files.isDirectory(shared.resolve("corpus"))) {
            System.out.println("SKIPPED: CharsetCorpusTest needs ../shared/corpus; ../shared absent");
            Assumptions.assumeTrue(false, "../shared absent");
        }
    }

    @Test
    void plainTextsAreDecodedWithTheirCharset() throws IOException {
        assumeShared();
        List<String> texts = new ArrayList<>();
        for (String corpus : List.of("party_building_school_site", "laws_lawrefbook", "xinwen_lianbo_cctv")) {
            texts.addAll(sample(shared.resolve("corpus").resolve(corpus).resolve("docs")));
        }
        Map<String, int[]> tally = new LinkedHashMap<>();
        for (String text : texts) {
            String traditional = ZhTwConverterUtil.toTraditional(text);
            for (int length : new int[] {Integer.MAX_VALUE, 200, 40}) {
                String bucket = length == Integer.MAX_VALUE ? "whole" : length + " chars";
                check(tally, "UTF-8 " + bucket, cut(text, length), StandardCharsets.UTF_8, StandardCharsets.UTF_8);
                check(tally, "GB18030 " + bucket, cut(text, length), TextDecoder.GB18030, TextDecoder.GB18030);
                check(tally, "Big5 " + bucket, cut(traditional, length), Charset.forName("Big5"), TextDecoder.BIG5);
                check(
                        tally,
                        "UTF-16LE " + bucket,
                        cut(text, length),
                        StandardCharsets.UTF_16LE,
                        StandardCharsets.UTF_16LE);
            }
        }
        report("charset choice on " + texts.size() + " corpus texts", tally);
        tally.forEach((name, counts) ->
                assertThat(accuracy(counts)).as(name).isGreaterThanOrEqualTo(name.contains("40 chars") ? 0.95 : 0.99));
    }

    @Test
    void seedSnippetsOutOfSample() throws IOException {
        assumeShared();
        Map<String, int[]> tally = new LinkedHashMap<>();
        try (Stream<Path> seeds = Files.list(shared.resolve("seeds")).sorted()) {
            for (Path seed : (Iterable<Path>) seeds::iterator) {
                String text = Files.readString(seed);
                for (int start = 0; start + 200 < text.length(); start += 300) {
                    for (int length : new int[] {200, 40, 12}) {
                        String snippet = text.substring(start, start + length);
                        String traditional = ZhTwConverterUtil.toTraditional(snippet);
                        check(
                                tally,
                                "UTF-8 " + length + " chars",
                                snippet,
                                StandardCharsets.UTF_8,
                                StandardCharsets.UTF_8);
                        check(tally, "GB18030 " + length + " chars", snippet, TextDecoder.GB18030, TextDecoder.GB18030);
                        check(
                                tally,
                                "Big5 " + length + " chars",
                                traditional,
                                Charset.forName("Big5"),
                                TextDecoder.BIG5);
                    }
                }
            }
        }
        report("charset choice on seed snippets (out of sample)", tally);
        tally.forEach((name, counts) ->
                assertThat(accuracy(counts)).as(name).isGreaterThanOrEqualTo(name.contains("12 chars") ? 0.9 : 0.98));
    }

    @Test
    void scrapedPagesDeclaringUtf8ButSavedAsGbkAreDecodedAsGb18030() throws IOException {
        assumeShared();
        Path raw = shared.resolve("corpus/party_building_school_site/raw_html");
        Map<String, int[]> tally = new LinkedHashMap<>();
        try (Stream<Path> pages = Files.list(raw).sorted().limit(DOCS_PER_CORPUS)) {
            for (Path page : (Iterable<Path>) pages::iterator) {
                byte[] utf8 = Files.readAllBytes(page);
                String html = new String(utf8, StandardCharsets.UTF_8);
                tally(
                        tally,
                        "as scraped (UTF-8, declared utf-8)",
                        decoder.decode(utf8, true).charset(),
                        StandardCharsets.UTF_8);
                byte[] gbk = encode(html, TextDecoder.GB18030);
                tally(
                        tally,
                        "GB18030, still declared utf-8",
                        decoder.decode(gbk, true).charset(),
                        TextDecoder.GB18030);
                byte[] big5 = encode(ZhTwConverterUtil.toTraditional(html), Charset.forName("Big5"));
                tally(
                        tally,
                        "Big5, still declared utf-8",
                        decoder.decode(big5, true).charset(),
                        TextDecoder.BIG5);
            }
        }
        report("charset choice on scraped pages", tally);
        tally.forEach((name, counts) -> assertThat(accuracy(counts)).as(name).isGreaterThanOrEqualTo(0.99));
    }

    @Test
    void realTextsAreNotFlaggedAsMojibake() throws IOException {
        assumeShared();
        List<String> texts = sample(shared.resolve("corpus/party_building_school_site/docs"));
        long flagged = texts.stream()
                .filter(t -> decoder.decode(t.getBytes(StandardCharsets.UTF_8), false)
                        .mojibake())
                .count();
        long garbledFound = texts.stream()
                .map(t -> new String(t.getBytes(StandardCharsets.UTF_8), Charset.forName("GBK")))
                .filter(g -> decoder.decode(g.getBytes(StandardCharsets.UTF_8), false)
                        .mojibake())
                .count();
        System.out.printf(
                "mojibake flag: %d of %d clean texts flagged, %d of %d garbled texts flagged%n",
                flagged, texts.size(), garbledFound, texts.size());
        assertThat(flagged).isZero();
        assertThat(garbledFound).isEqualTo(texts.size());
    }

    private static void check(Map<String, int[]> tally, String name, String text, Charset encoding, Charset expected) {
        byte[] bytes = encode(text, encoding);
        if (bytes.length == 0) {
            return;
        }
        tally(tally, name, decoder.decode(bytes, false).charset(), expected);
    }

    private static void tally(Map<String, int[]> tally, String name, Charset actual, Charset expected) {
        int[] counts = tally.computeIfAbsent(name, k -> new int[2]);
        counts[actual.equals(expected) ? 0 : 1]++;
    }

    private static double accuracy(int[] counts) {
        return counts[0] / (double) (counts[0] + counts[1]);
    }

    private static void report(String title, Map<String, int[]> tally) {
        System.out.println(title + ":");
        tally.forEach((name, c) -> System.out.printf("  %-40s %5d/%-5d %.4f%n", name, c[0], c[0] + c[1], accuracy(c)));
    }

    /** Encodes, replacing what the charset lacks (a few Simplified-only characters in Big5) with '?'. */
    private static byte[] encode(String text, Charset charset) {
        try {
            CharsetEncoder encoder = charset.newEncoder()
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .onMalformedInput(CodingErrorAction.REPLACE);
            ByteBuffer buffer = encoder.encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The start of the first paragraph with Chinese in it, {@code length} characters long. */
    private static String cut(String text, int length) {
        if (length >= text.length()) {
            return text;
        }
        int start = 0;
        while (start < text.length()
                && Character.UnicodeScript.of(text.codePointAt(start)) != Character.UnicodeScript.HAN) {
            start++;
        }
        start = Math.min(start, Math.max(0, text.length() - length));
        return text.substring(start, Math.min(text.length(), start + length));
    }

    private static List<String> sample(Path docs) throws IOException {
        try (Stream<Path> files = Files.list(docs).sorted()) {
            List<Path> all = files.toList();
            List<String> texts = new ArrayList<>();
            int step = Math.max(1, all.size() / DOCS_PER_CORPUS);
            for (int i = 0; i < all.size() && texts.size() < DOCS_PER_CORPUS; i += step) {
                String text = Files.readString(all.get(i));
                if (text.codePoints().anyMatch(c -> c >= 0x4E00)) {
                    texts.add(text);
                }
            }
            return texts;
        }
    }
}
