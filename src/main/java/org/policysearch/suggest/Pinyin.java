package org.policysearch.suggest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Toneless lower-case pinyin of Simplified text, one syllable per Han character. Polyphonic characters take the
 * reading of the longest matching word in {@code ingest/pinyin-overrides.txt}, else pinyin4j's first reading.
 */
final class Pinyin {

    static final String OVERRIDES = "/ingest/pinyin-overrides.txt";

    private final Map<String, List<String>> overrides;
    private final int longestOverride;
    private final HanyuPinyinOutputFormat format = new HanyuPinyinOutputFormat();

    Pinyin(Map<String, List<String>> overrides) {
        this.overrides = Map.copyOf(overrides);
        this.longestOverride =
                overrides.keySet().stream().mapToInt(String::length).max().orElse(0);
        format.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        // ü as v, as pinyin input methods type it (lv for 绿).
        format.setVCharType(HanyuPinyinVCharType.WITH_V);
        format.setCaseType(HanyuPinyinCaseType.LOWERCASE);
    }

    /** With the shipped override list. */
    static Pinyin standard() {
        try (InputStream in = Pinyin.class.getResourceAsStream(OVERRIDES)) {
            if (in == null) {
                throw new IllegalStateException(OVERRIDES + " is not on the classpath");
            }
            return new Pinyin(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + OVERRIDES, e);
        }
    }

    /** Lines {@code word syl syl...}; {@code #} comments; a line whose syllable count differs from its length is an error. */
    static Map<String, List<String>> parse(String text) {
        Map<String, List<String>> out = new HashMap<>();
        text.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .forEach(line -> {
                    String[] parts = line.split("\\s+");
                    String word = parts[0];
                    List<String> syllables = Arrays.asList(parts).subList(1, parts.length);
                    if (syllables.size() != word.codePointCount(0, word.length())) {
                        throw new IllegalArgumentException("Pinyin override needs one syllable per character: " + line);
                    }
                    out.put(word, syllables);
                });
        return out;
    }

    /**
     * The text as a list of tokens: a syllable per Han character, and each run of ASCII letters or digits as one
     * token (lower-cased). Everything else (punctuation, spaces, other scripts) is dropped.
     */
    List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (isAsciiAlnum(c)) {
                int end = i;
                while (end < text.length() && isAsciiAlnum(text.charAt(end))) {
                    end++;
                }
                out.add(new Token(text.substring(i, end).toLowerCase(java.util.Locale.ROOT), false));
                i = end;
                continue;
            }
            List<String> word = longestOverrideAt(text, i);
            if (word != null) {
                word.forEach(s -> out.add(new Token(s, true)));
                i += word.size();
                continue;
            }
            String syllable = reading(c);
            if (syllable != null) {
                out.add(new Token(syllable, true));
            }
            i++;
        }
        return out;
    }

    /** A token of the pinyin form: a syllable of a Han character, or a run of ASCII letters/digits kept as is. */
    record Token(String text, boolean han) {}

    private List<String> longestOverrideAt(String text, int start) {
        for (int len = Math.min(longestOverride, text.length() - start); len >= 2; len--) {
            List<String> syllables = overrides.get(text.substring(start, start + len));
            if (syllables != null) {
                return syllables;
            }
        }
        return null;
    }

    private String reading(char c) {
        try {
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, format);
            return readings == null || readings.length == 0 ? null : readings[0];
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException("Fixed pinyin format rejected", e);
        }
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
