package org.policysearch.extract;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Elements;

/**
 * Removes site chrome before scoring: tags that never hold article text, elements whose class/id words say
 * navigation/sidebar/footer/share/comments, and sections headed 相关文章/热门推荐/网友评论.
 */
final class ChromePruner {

    private static final Pattern WORD_SPLIT = Pattern.compile("[-_\\s.:]+|(?<=[a-z0-9])(?=[A-Z])");
    /**
     * A class/id word or a section heading never removes more than this share of the page's non-link text: that is
     * the article, whatever its wrapper is called.
     */
    private static final double MAX_SHARE = 0.5;

    private final SiteRules rules;

    ChromePruner(SiteRules rules) {
        this.rules = rules;
    }

    void prune(Element body) {
        body.select(String.join(",", rules.pruneTags())).remove();
        for (String selector : rules.pruneSelectors()) {
            body.select(selector).remove();
        }
        removeComments(body);
        int total = Math.max(1, TextStats.nonLinkChars(body));
        for (Element e : body.select("[class],[id]")) {
            if (e != body && attached(e) && hasChromeWord(e) && TextStats.nonLinkChars(e) <= MAX_SHARE * total) {
                e.remove();
            }
        }
        for (Element e : body.select("div,section,ul,ol,dl,table,td,li,p,h1,h2,h3,h4,h5,h6,span,strong,b")) {
            if (e != body && attached(e) && startsWithSectionHeading(e)) {
                if (TextStats.nonLinkChars(e) <= MAX_SHARE * total) {
                    e.remove();
                }
            }
        }
    }

    private static void removeComments(Element root) {
        Elements all = root.getAllElements();
        for (Element e : all) {
            for (Node child : e.childNodes().toArray(new Node[0])) {
                if (child instanceof Comment) {
                    child.remove();
                }
            }
        }
    }

    private static boolean attached(Element e) {
        return e.ownerDocument() != null && e.parent() != null;
    }

    boolean hasChromeWord(Element e) {
        return hasChromeWord(e.className()) || hasChromeWord(e.id());
    }

    private boolean hasChromeWord(String attribute) {
        if (attribute.isEmpty()) {
            return false;
        }
        for (String word : WORD_SPLIT.split(attribute)) {
            if (rules.pruneWords().contains(word.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private boolean startsWithSectionHeading(Element e) {
        String first = TextStats.firstText(e, 12);
        return rules.sectionHeadings().stream().anyMatch(p -> p.matcher(first).find());
    }
}
