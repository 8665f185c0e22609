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
    private static final Map<Integer, Boolean> CHANGES = new ConcurrentHashMap<>();

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
            if (CHANGES.computeIfAbsent(cp, Scripts::changesUnderConversion)) {
                changed++;
            }
        }
        return han > 0 && (double) changed / han > TRADITIONAL_SHARE ? TRADITIONAL : SIMPLIFIED;
    }

    private static boolean changesUnderConversion(int cp) {
        String c = Character.toString(cp);
        return !c.equals(ZhConverterUtil.toSimple(c));
    }
}
