package org.policysearch.metadata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keywords: the page's own keyword line when it has one; otherwise the most frequent 2–4 character Han n-grams that are
 * not stop words, do not start or end with a particle, and are not mostly a piece of one longer n-gram (层基础工 of
 * 基层基础工作); longer ones first among overlapping candidates.
 */
final class Keywords {

    static final int MAX = 10;
    private static final Pattern SPLIT = Pattern.compile("[,，、;；|｜/\\s]+");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final int MIN_COUNT = 3;
    /** An n-gram is a fragment when one extension by a character covers this share of its occurrences. */
    private static final double FRAGMENT_SHARE = 0.75;
    /** Keywords come from the start of long texts: enough to be representative, bounded in memory. */
    private static final int MAX_CHARS = 8_000;

    private final Set<String> stopWords;
    private final String edgeChars;

    Keywords(List<String> stopWords, String edgeChars) {
        this.stopWords = Set.copyOf(stopWords);
        this.edgeChars = edgeChars;
    }

    static Keywords load() {
        return new Keywords(
                DataFiles.lines("keyword-stopwords.txt"), String.join("", DataFiles.lines("keyword-edge-chars.txt")));
    }

    /** Splits a keyword line or {@code keywords} meta value; drops bare numbers and single characters. */
    List<String> fromLine(String line) {
        Set<String> out = new LinkedHashSet<>();
        for (String k : SPLIT.split(line.strip())) {
            if (k.codePointCount(0, k.length()) > 1 && !DIGITS.matcher(k).matches()) {
                out.add(k);
            }
        }
        return out.stream().limit(MAX).toList();
    }

    List<String> extract(String fullText) {
        String simplifiedText = fullText.length() > MAX_CHARS ? fullText.substring(0, MAX_CHARS) : fullText;
        // n-gram -> {count, first offset}: one map, filled in the same order as ever, so ties among candidates (same
        // score, same first offset) keep the order they always had (the map's iteration order).
        Map<String, int[]> grams = new HashMap<>();
        int runStart = -1;
        for (int i = 0; i <= simplifiedText.length(); i++) {
            boolean han = i < simplifiedText.length() && Topics.isHan(simplifiedText.charAt(i));
            if (han && runStart < 0) {
                runStart = i;
            } else if (!han && runStart >= 0) {
                countRun(simplifiedText, runStart, i, grams);
                runStart = -1;
            }
        }
        // Only n-grams seen MIN_COUNT times matter from here: a rarer one is no candidate, and an extension seen
        // fewer than MIN_COUNT times never covers FRAGMENT_SHARE of a candidate's (at least MIN_COUNT) occurrences.
        List<String> frequent = new ArrayList<>();
        grams.forEach((g, c) -> {
            if (c[0] >= MIN_COUNT) {
                frequent.add(g);
            }
        });
        Map<String, Integer> widest = new HashMap<>();
        for (String g : frequent) {
            if (g.length() > 2) {
                int c = grams.get(g)[0];
                widest.merge(g.substring(1), c, Math::max);
                widest.merge(g.substring(0, g.length() - 1), c, Math::max);
            }
        }
        List<String> candidates = new ArrayList<>();
        for (String g : frequent) {
            int c = grams.get(g)[0];
            if (g.length() <= 4
                    && !stopWords.contains(g)
                    && edgeChars.indexOf(g.charAt(0)) < 0
                    && edgeChars.indexOf(g.charAt(g.length() - 1)) < 0
                    && widest.getOrDefault(g, 0) < FRAGMENT_SHARE * c) {
                candidates.add(g);
            }
        }
        candidates.sort(Comparator.<String>comparingInt(g -> grams.get(g)[0] * (g.length() - 1))
                .reversed()
                .thenComparingInt(g -> grams.get(g)[1]));
        List<String> picked = new ArrayList<>();
        for (String g : candidates) {
            if (picked.size() == MAX) {
                break;
            }
            if (picked.stream().noneMatch(p -> p.contains(g) || g.contains(p))) {
                picked.add(g);
            }
        }
        return picked;
    }

    private static void countRun(String text, int from, int to, Map<String, int[]> grams) {
        // 5-grams are counted only to recognise 4-gram fragments.
        for (int n = 2; n <= 5; n++) {
            for (int i = from; i + n <= to; i++) {
                int first = i;
                grams.computeIfAbsent(text.substring(i, i + n), g -> new int[] {0, first})[0]++;
            }
        }
    }
}
