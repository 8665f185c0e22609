package org.policysearch.extract;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the article heading: the h1–h3 or *title* element whose text the {@code <title>} contains (the tag usually
 * adds column and site names) or mostly overlaps; else og:title; else the longest part of {@code <title>}.
 */
final class TitleFinder {

    /** What was found; {@code element} is null when the title did not come from the page body. */
    record Found(String text, Element element) {}

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u3000]+");
    private static final Pattern SITE_SEPARATORS = Pattern.compile("\\s*(?:_|\\||｜|--|-|–|—{1,2}|::)\\s*");
    private static final int MAX_LENGTH = 120;
    private static final double MIN_OVERLAP = 0.6;

    private TitleFinder() {}

    static Found find(Document doc, String ogTitle) {
        String pageTitle = clean(doc.title());
        Element bestElement = null;
        double bestScore = 0;
        for (Element e : doc.body().select("h1,h2,h3,[class~=(?i)title],[id~=(?i)title]")) {
            String text = clean(e.text());
            if (text.length() < 2 || text.length() > MAX_LENGTH) {
                continue;
            }
            double score = score(text, pageTitle, ogTitle);
            if (e.nameIs("h1")) {
                score *= 1.2;
            }
            if (score > bestScore) {
                bestScore = score;
                bestElement = e;
            }
        }
        if (bestElement != null) {
            return new Found(clean(bestElement.text()), bestElement);
        }
        if (ogTitle != null && !ogTitle.isBlank()) {
            return new Found(clean(ogTitle), null);
        }
        return new Found(longestPart(pageTitle), null);
    }

    private static double score(String text, String pageTitle, String ogTitle) {
        String bare = SPACES.matcher(text).replaceAll("");
        if (ogTitle != null && bare.equals(SPACES.matcher(ogTitle).replaceAll(""))) {
            return 2.0 * bare.length();
        }
        String bareTitle = SPACES.matcher(pageTitle).replaceAll("");
        // Sites put the article first in <title> ("标题_栏目_站点"): a heading that starts it is the one.
        if (bareTitle.startsWith(bare) && bareTitle.length() > bare.length()) {
            return 2.0 * bare.length() + 1;
        }
        if (bare.length() >= 4 && bareTitle.contains(bare)) {
            return bare.length();
        }
        double overlap = overlap(bare, bareTitle);
        return overlap >= MIN_OVERLAP ? overlap * bare.length() : 0;
    }

    /** Share of the character bigrams of {@code text} (multiset) also found in {@code reference}. */
    static double overlap(String text, String reference) {
        if (text.length() < 2) {
            return 0;
        }
        Map<String, Integer> ref = new HashMap<>();
        for (int i = 0; i + 1 < reference.length(); i++) {
            ref.merge(reference.substring(i, i + 2), 1, Integer::sum);
        }
        int hit = 0;
        for (int i = 0; i + 1 < text.length(); i++) {
            Integer left = ref.get(text.substring(i, i + 2));
            if (left != null && left > 0) {
                hit++;
                ref.put(text.substring(i, i + 2), left - 1);
            }
        }
        return hit / (double) (text.length() - 1);
    }

    private static String longestPart(String pageTitle) {
        String best = "";
        for (String part : SITE_SEPARATORS.split(pageTitle)) {
            if (part.length() > best.length()) {
                best = part;
            }
        }
        return best.isEmpty() ? pageTitle : best;
    }

    static String clean(String s) {
        return s == null ? "" : SPACES.matcher(s).replaceAll(" ").strip();
    }
}
