package org.policysearch.extract;

import java.util.HashMap;
import java.util.Map;

/** Character-bigram precision/recall/F1 over multisets, whitespace removed from both sides. */
public record BigramF1(double precision, double recall, double f1) {

    public static BigramF1 of(String predicted, String gold) {
        Map<String, Integer> p = bigrams(predicted);
        Map<String, Integer> g = bigrams(gold);
        int pTotal = p.values().stream().mapToInt(Integer::intValue).sum();
        int gTotal = g.values().stream().mapToInt(Integer::intValue).sum();
        int common = 0;
        for (Map.Entry<String, Integer> e : p.entrySet()) {
            common += Math.min(e.getValue(), g.getOrDefault(e.getKey(), 0));
        }
        if (pTotal == 0 && gTotal == 0) {
            return new BigramF1(1, 1, 1);
        }
        double precision = pTotal == 0 ? 0 : common / (double) pTotal;
        double recall = gTotal == 0 ? 0 : common / (double) gTotal;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new BigramF1(precision, recall, f1);
    }

    private static Map<String, Integer> bigrams(String s) {
        String text = s.replaceAll("[\\s\\u00a0\\u3000\\u200b\\ufeff]+", "");
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i + 1 < text.length(); i++) {
            counts.merge(text.substring(i, i + 2), 1, Integer::sum);
        }
        return counts;
    }
}
