package org.policysearch.extract;

import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Picks the element holding the article: the subtree with the highest sum of block values, where a block of
 * punctuated prose is worth its non-link characters and links and unpunctuated snippets (menus, lists of titles,
 * labels) cost characters. A maximum-sum subtree takes in split bodies and stops where chrome starts to cost more
 * than it adds, without a threshold per site.
 */
final class ContentScorer {

    static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "section",
            "article",
            "main",
            "body",
            "td",
            "th",
            "tr",
            "table",
            "tbody",
            "li",
            "ul",
            "ol",
            "dl",
            "dd",
            "dt",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "blockquote",
            "pre",
            "center",
            "figure",
            "figcaption",
            "address",
            "fieldset",
            "hr");

    /** Shorter blocks are labels or titles even when punctuated. */
    private static final int MIN_PROSE = 10;
    /** Unpunctuated text costs a fraction of its length: some is normal in articles (headings, name lists). */
    private static final double SNIPPET_COST = 0.05;
    /** Unpunctuated text in table cells is data (党费 tables, duty rosters), worth a little; chrome cells are links. */
    private static final double CELL_VALUE = 0.1;

    private static final Set<String> CELLS = Set.of("td", "th");

    /**
     * Below this many points the page has no prose to speak of (a data table, a list of names): then all non-link
     * text counts, punctuated or not.
     */
    private static final double MIN_PROSE_SCORE = 50;

    private Element best;
    private double bestScore;
    private boolean proseOnly;

    /** The best container under {@code body}, or {@code body} when nothing scores above zero. */
    Element choose(Element body) {
        run(body, true);
        if (bestScore < MIN_PROSE_SCORE) {
            run(body, false);
        }
        return best;
    }

    private void run(Element body, boolean prose) {
        best = body;
        bestScore = 0;
        proseOnly = prose;
        score(body);
    }

    /** Value of the subtree of {@code e}; its own block collects the text not inside a nested block. */
    private double score(Element e) {
        Block own = new Block(CELLS.contains(e.normalName()));
        double children = collect(e, own, false);
        double value = children + own.value(proseOnly);
        // Post-order with a strict comparison: on a tie the inner element wins, it has less room for chrome.
        if (value > bestScore) {
            bestScore = value;
            best = e;
        }
        return value;
    }

    private double collect(Element e, Block own, boolean inLink) {
        double sum = 0;
        for (Node child : e.childNodes()) {
            if (child instanceof TextNode t) {
                own.add(t.getWholeText(), inLink);
            } else if (child instanceof Element c) {
                if (BLOCKS.contains(c.normalName())) {
                    sum += score(c);
                } else {
                    sum += collect(c, own, inLink || c.nameIs("a"));
                }
            }
        }
        return sum;
    }

    private static final class Block {
        private final boolean cell;
        private int text;
        private int links;
        private int punctuation;

        Block(boolean cell) {
            this.cell = cell;
        }

        void add(String s, boolean inLink) {
            int n = TextStats.visibleChars(s);
            if (inLink) {
                links += n;
            } else {
                text += n;
                punctuation += TextStats.punctuation(s);
            }
        }

        double value(boolean proseOnly) {
            boolean prose = !proseOnly || (text >= MIN_PROSE && punctuation > 0);
            return (prose ? text : (cell ? CELL_VALUE : -SNIPPET_COST) * text) - links;
        }
    }
}
