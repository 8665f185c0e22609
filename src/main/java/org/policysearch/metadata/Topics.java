package org.policysearch.metadata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Topics from the weighted taxonomy {@code ingest/metadata/topics.yml}. A topic needs both enough weighted hits and
 * enough of them per 1,000 Han characters: long reports mention everything once.
 */
final class Topics {

    private final Map<String, Map<String, Integer>> terms;
    private final double minScore;
    private final double minDensity;
    private final int maxTopics;

    Topics(Map<String, Map<String, Integer>> terms, double minScore, double minDensity, int maxTopics) {
        this.terms = terms;
        this.minScore = minScore;
        this.minDensity = minDensity;
        this.maxTopics = maxTopics;
    }

    @SuppressWarnings("unchecked")
    static Topics load() {
        Map<String, Object> root = DataFiles.yaml("topics.yml");
        Map<String, Map<String, Integer>> terms = new LinkedHashMap<>();
        ((Map<String, Map<String, Object>>) root.get("topics")).forEach((topic, t) -> {
            Map<String, Integer> weights = new LinkedHashMap<>();
            t.forEach((term, w) -> weights.put(term, ((Number) w).intValue()));
            terms.put(topic, weights);
        });
        return new Topics(
                terms,
                ((Number) root.get("minScore")).doubleValue(),
                ((Number) root.get("minDensity")).doubleValue(),
                ((Number) root.get("maxTopics")).intValue());
    }

    /** Topics strongest first. */
    List<String> assign(String simplifiedText) {
        long han = simplifiedText.codePoints().filter(Topics::isHan).count();
        if (han == 0) {
            return List.of();
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        terms.forEach((topic, weights) -> {
            double score = 0;
            for (var e : weights.entrySet()) {
                score += e.getValue() * count(simplifiedText, e.getKey());
            }
            // Short texts get the density of a 1,000-char text, so one notice paragraph is not over-weighted.
            double density = score * 1000.0 / Math.max(han, 1000);
            if (score >= minScore && density >= minDensity) {
                scores.put(topic, score);
            }
        });
        List<String> out = new ArrayList<>(scores.keySet());
        out.sort(Comparator.comparing(scores::get).reversed());
        return out.subList(0, Math.min(maxTopics, out.size()));
    }

    static int count(String text, String term) {
        int n = 0;
        for (int i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + term.length())) {
            n++;
        }
        return n;
    }

    /** HAN script membership of every BMP code point, computed once: the test runs on every character of a text. */
    private static final java.util.BitSet HAN_BMP = new java.util.BitSet(Character.MAX_VALUE + 1);

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                HAN_BMP.set(c);
            }
        }
    }

    static boolean isHan(int codePoint) {
        return codePoint <= Character.MAX_VALUE
                ? HAN_BMP.get(codePoint)
                : Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }
}
