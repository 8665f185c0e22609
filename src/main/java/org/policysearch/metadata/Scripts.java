package org.policysearch.metadata;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Traditional or Simplified, by the share of Han characters that Traditional→Simplified conversion changes. */
final class Scripts {

    static final String TRADITIONAL = "traditional";
    static final String SIMPLIFIED = "simplified";
    /** Simplified text has a few chars that convert (于/於 style variants); Traditional text has 15–30%. */
    private static final double TRADITIONAL_SHARE = 0.05;

    private static final int SAMPLE = 5000;
    /**
     * BMP Han char to its Simplified form (itself when it has none or several), 0 until first asked: filled lazily
     * because opencc is slow per call. Racing threads store the same value, and an int store is atomic.
     */
    private static final int[] SIMPLE_BMP = new int[Character.MAX_VALUE + 1];
    /** The same for supplementary Han code points. */
    private static final Map<Integer, Integer> SIMPLE = new ConcurrentHashMap<>();

    private Scripts() {}

    static String detect(String text) {
        int han = 0;
        int changed = 0;
        for (int i = 0; i < text.length() && han < SAMPLE; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Topics.isHan(cp)) {
                continue;
            }
            han++;
            if (simple(cp) != cp) {
                changed++;
            }
        }
        return han > 0 && (double) changed / han > TRADITIONAL_SHARE ? TRADITIONAL : SIMPLIFIED;
    }

    /**
     * Folds Traditional to Simplified character by character. Phrase-level conversion (opencc's whole-text mode) is
     * an order of magnitude slower and only matters for display, not for matching vocabularies.
     */
    static String toSimple(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.appendCodePoint(Topics.isHan(cp) ? simple(cp) : cp));
        return out.toString();
    }

    private static int simple(int cp) {
        if (cp > Character.MAX_VALUE) {
            return SIMPLE.computeIfAbsent(cp, Scripts::convert);
        }
        int known = SIMPLE_BMP[cp];
        if (known == 0) {
            known = convert(cp);
            SIMPLE_BMP[cp] = known;
        }
        return known;
    }

    private static int convert(int cp) {
        String s = ZhConverterUtil.toSimple(Character.toString(cp));
        return s.codePointCount(0, s.length()) == 1 ? s.codePointAt(0) : cp;
    }
}
