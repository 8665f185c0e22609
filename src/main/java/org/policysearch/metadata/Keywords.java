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
        GramCounts counts = GramCounts.of(simplifiedText);
        int runStart = -1;
        for (int i = 0; i <= simplifiedText.length(); i++) {
            boolean han = i < simplifiedText.length() && Topics.isHan(simplifiedText.charAt(i));
            if (han && runStart < 0) {
                runStart = i;
            } else if (!han && runStart >= 0) {
                counts.countRun(runStart, i);
                runStart = -1;
            }
        }
        // Only n-grams seen MIN_COUNT times matter from here: a rarer one is no candidate, and an extension seen
        // fewer than MIN_COUNT times never covers FRAGMENT_SHARE of a candidate's (at least MIN_COUNT) occurrences.
        Map<String, int[]> grams = counts.atLeastAndClear(MIN_COUNT);
        List<String> frequent = new ArrayList<>(grams.keySet());
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
        // Ties (same score, same first offset) go to the more frequent, shorter n-gram (严重 before 严重食), then in
        // code-point order: never to the iteration order of a map.
        candidates.sort(Comparator.<String>comparingInt(g -> grams.get(g)[0] * (g.length() - 1))
                .reversed()
                .thenComparingInt(g -> grams.get(g)[1])
                .thenComparingInt(String::length)
                .thenComparing(Comparator.naturalOrder()));
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

    /**
     * Counts of the 2–5 character n-grams of one text in an open-addressing table of (first offset, length): the
     * text itself is the key store, so counting allocates no string; only the frequent n-grams become strings.
     * Tables (1 MB each) are reused, cleared slot by slot: a text's n-grams fill a small part of one.
     */
    private static final class GramCounts {

        /** Up to 4 n-grams per character of the {@link #MAX_CHARS} scanned, at a load under one half. */
        private static final int SLOTS = Integer.highestOneBit(MAX_CHARS * 4) * 4;

        /** Free tables; as many are kept as ever ran at once, up to {@link #KEPT}. */
        private static final java.util.concurrent.ConcurrentLinkedQueue<GramCounts> FREE =
                new java.util.concurrent.ConcurrentLinkedQueue<>();

        private static final int KEPT = 8;

        private final int[] first = new int[SLOTS];
        private final int[] length = new int[SLOTS];
        private final int[] count = new int[SLOTS];
        private final int[] hash = new int[SLOTS];
        /** The occupied slots, in the order they were filled. */
        private final int[] used = new int[MAX_CHARS * 4];

        private String text;
        private int size;

        /** An empty table for {@code text} (at most {@link #MAX_CHARS} characters). */
        static GramCounts of(String text) {
            GramCounts counts = FREE.poll();
            if (counts == null) {
                counts = new GramCounts();
            }
            counts.text = text;
            return counts;
        }

        /** Every n = 2..5 at each position of the run; positions ascend, so an n-gram's first entry is its first offset. */
        void countRun(int from, int to) {
            for (int i = from; i + 2 <= to; i++) {
                int h = text.charAt(i);
                for (int n = 2; n <= 5 && i + n <= to; n++) {
                    h = 31 * h + text.charAt(i + n - 1);
                    add(i, n, h ^ (n * 0x9E3779B9));
                }
            }
        }

        private void add(int at, int n, int h) {
            int mask = SLOTS - 1;
            for (int slot = (h ^ (h >>> 16)) & mask; ; slot = (slot + 1) & mask) {
                if (length[slot] == 0) {
                    first[slot] = at;
                    length[slot] = n;
                    count[slot] = 1;
                    hash[slot] = h;
                    used[size++] = slot;
                    return;
                }
                if (hash[slot] == h && length[slot] == n && text.regionMatches(first[slot], text, at, n)) {
                    count[slot]++;
                    return;
                }
            }
        }

        /** n-gram -> {count, first offset} of those seen at least {@code min} times; empties the table. */
        Map<String, int[]> atLeastAndClear(int min) {
            Map<String, int[]> out = new HashMap<>();
            for (int k = 0; k < size; k++) {
                int slot = used[k];
                if (count[slot] >= min) {
                    out.put(text.substring(first[slot], first[slot] + length[slot]), new int[] {count[slot], first[slot]
                    });
                }
                length[slot] = 0;
            }
            size = 0;
            text = null;
            if (FREE.size() < KEPT) {
                FREE.offer(this);
            }
            return out;
        }
    }
}
