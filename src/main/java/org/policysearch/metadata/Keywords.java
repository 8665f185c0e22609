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
 * not stop words and do not start or end with a particle, longer ones first among overlapping candidates.
 */
final class Keywords {

    static final int MAX = 10;
    private static final Pattern SPLIT = Pattern.compile("[,，、;；|｜/\\s]+");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final int MIN_COUNT = 3;

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

    List<String> extract(String simplifiedText) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Integer> firstSeen = new HashMap<>();
        int runStart = -1;
        for (int i = 0; i <= simplifiedText.length(); i++) {
            boolean han = i < simplifiedText.length() && Topics.isHan(simplifiedText.charAt(i));
            if (han && runStart < 0) {
                runStart = i;
            } else if (!han && runStart >= 0) {
                countRun(simplifiedText, runStart, i, counts, firstSeen);
                runStart = -1;
            }
        }
        List<String> candidates = new ArrayList<>(counts.keySet());
        candidates.removeIf(g -> counts.get(g) < MIN_COUNT || stopWords.contains(g));
        candidates.sort(Comparator.<String>comparingInt(g -> counts.get(g) * (g.length() - 1))
                .reversed()
                .thenComparing(firstSeen::get));
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

    private void countRun(String text, int from, int to, Map<String, Integer> counts, Map<String, Integer> firstSeen) {
        for (int n = 2; n <= 4; n++) {
            for (int i = from; i + n <= to; i++) {
                String g = text.substring(i, i + n);
                if (edgeChars.indexOf(g.charAt(0)) >= 0 || edgeChars.indexOf(g.charAt(n - 1)) >= 0) {
                    continue;
                }
                counts.merge(g, 1, Integer::sum);
                firstSeen.putIfAbsent(g, i);
            }
        }
    }
}
