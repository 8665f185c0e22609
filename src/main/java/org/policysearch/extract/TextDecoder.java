package org.policysearch.extract;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes text and HTML bytes. Declarations are only a hint: scraped pages often declare gb2312 and are UTF-8, or the
 * other way round. Order: BOM; else every candidate (declared, UTF-8, GB18030, Big5-HKSCS, UTF-16 when NUL bytes
 * bring NUL bytes) decodes a sample and the most plausible text wins. Malformed input decodes to U+FFFD.
 */
final class TextDecoder {

    static final Charset GB18030 = Charset.forName("GB18030");
    static final Charset BIG5 = Charset.forName("Big5-HKSCS");

    private static final Pattern META_CHARSET =
            Pattern.compile("<meta\\b[^>]*?charset\\s*=\\s*[\"']?\\s*([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_ENCODING =
            Pattern.compile("<\\?xml\\b[^>]*?encoding\\s*=\\s*[\"']([\\w.:-]+)", Pattern.CASE_INSENSITIVE);

    /** Extra score for the declared charset and for valid UTF-8: decides ties, never outweighs the text. */
    private static final double DECLARED_BONUS = 0.05;

    private static final double VALID_UTF8_BONUS = 0.1;

    /** Three-byte UTF-8 sequences (a Han character each) in a valid sample that make every other charset moot. */
    private static final int SURELY_UTF8 = 16;

    private final TextPlausibility plausibility;
    private final int sampleBytes;

    TextDecoder(TextPlausibility plausibility, int sampleBytes) {
        this.plausibility = plausibility;
        this.sampleBytes = sampleBytes;
    }

    /**
     * @param text the decoded text, BOM removed
     * @param charset the charset used
     * @param mojibake true when even the best decoding looks garbled
     */
    record Decoded(String text, Charset charset, boolean mojibake) {}

    /**
     * @param charset the charset that decodes best
     * @param plausibility its {@link TextPlausibility} score on the sample; 1 for a BOM
     */
    record Choice(Charset charset, double plausibility) {}

    Decoded decode(byte[] bytes, boolean markup) {
        Charset bom = bomCharset(bytes);
        int skip = bom == null ? 0 : bom == StandardCharsets.UTF_8 ? 3 : 2;
        Charset charset = bom != null ? bom : choose(bytes, markup).charset();
        String text = new String(bytes, skip, bytes.length - skip, charset);
        return new Decoded(text, charset, suspected(text));
    }

    /** The most plausible charset, judged on a sample; also tells whether BOM-less bytes are text at all. */
    Choice choose(byte[] bytes, boolean markup) {
        Charset bom = bomCharset(bytes);
        if (bom != null) {
            return new Choice(bom, 1);
        }
        Charset declared = markup ? declaredCharset(bytes) : null;
        int start = sampleStart(bytes);
        int end = (int) Math.min(bytes.length, (long) start + sampleBytes);
        boolean validUtf8 = isValidUtf8(bytes, start, end);
        if (validUtf8 && threeByteSequences(bytes, start, end) >= SURELY_UTF8) {
            // Legacy-encoded Chinese is valid UTF-8 by chance for a few characters at most: no other candidate can
            // win, so none is decoded and scored (the most frequent case, and a third of this step's cost each).
            double score = plausibility
                            .score(new String(bytes, start, end - start, StandardCharsets.UTF_8))
                            .value()
                    + VALID_UTF8_BONUS
                    + (StandardCharsets.UTF_8.equals(declared) ? DECLARED_BONUS : 0);
            return new Choice(StandardCharsets.UTF_8, score);
        }
        Charset best = StandardCharsets.UTF_8;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Charset candidate : candidates(bytes, start, end, declared)) {
            double score = plausibility
                    .score(new String(bytes, start, end - start, candidate))
                    .value();
            if (candidate.equals(declared)) {
                score += DECLARED_BONUS;
            }
            if (candidate.equals(StandardCharsets.UTF_8) && validUtf8) {
                score += VALID_UTF8_BONUS;
            }
            if (score > bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        return new Choice(best, bestScore);
    }

    private boolean suspected(String text) {
        String sample = text.length() > sampleBytes ? text.substring(0, sampleBytes) : text;
        return Mojibake.suspected(sample, plausibility.score(sample));
    }

    private static List<Charset> candidates(byte[] bytes, int start, int end, Charset declared) {
        Set<Charset> candidates = new LinkedHashSet<>();
        if (declared != null) {
            candidates.add(declared);
        }
        candidates.add(StandardCharsets.UTF_8);
        candidates.add(GB18030);
        candidates.add(BIG5);
        if (hasNul(bytes, start, end)) {
            // Text in any single-byte-based charset has no NUL; in UTF-16 every ASCII character and every U+xx00
            // brings one. Which byte order is left to the scores.
            candidates.add(StandardCharsets.UTF_16LE);
            candidates.add(StandardCharsets.UTF_16BE);
        }
        return new ArrayList<>(candidates);
    }

    static Charset bomCharset(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    private static boolean hasNul(byte[] bytes, int start, int end) {
        for (int i = start; i < end; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** The charset a page declares, with GB2312/GBK widened to GB18030 and Big5 to Big5-HKSCS (supersets). */
    static Charset declaredCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 8192), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        String name = m.find() ? m.group(1) : null;
        if (name == null) {
            Matcher x = XML_ENCODING.matcher(head);
            name = x.find() ? x.group(1) : null;
        }
        return name == null ? null : widen(name);
    }

    private static Charset widen(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("gb2312")
                || n.equals("gbk")
                || n.equals("x-gbk")
                || n.equals("gb_2312-80")
                || n.equals("cp936")
                || n.equals("euc-cn")
                || n.equals("gb18030")) {
            return GB18030;
        }
        if (n.startsWith("big5") || n.equals("x-x-big5") || n.equals("cp950")) {
            return BIG5;
        }
        if (n.startsWith("utf-16") || n.startsWith("utf16")) {
            return null; // a page that was really UTF-16 is caught by its BOM or its NUL bytes
        }
        try {
            return Charset.forName(n);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    /** Scores from the first non-ASCII byte: a long ASCII head (scripts, styles) says nothing about the charset. */
    private static int sampleStart(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] < 0 || bytes[i] == 0) {
                return Math.max(0, i - 256) & ~1;
            }
        }
        return 0;
    }

    /** Lead bytes of three-byte sequences (E0-EF); only meaningful on bytes already known to be valid UTF-8. */
    private static int threeByteSequences(byte[] bytes, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if ((bytes[i] & 0xF0) == 0xE0) {
                n++;
            }
        }
        return n;
    }

    private static boolean isValidUtf8(byte[] bytes, int from, int to) {
        // The sample may end inside a character: back up to the start of that character.
        for (int k = 0; k < 3 && to < bytes.length && to > from && (bytes[to] & 0xC0) == 0x80; k++) {
            to--;
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, to - from));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
