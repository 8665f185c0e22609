package org.policysearch.extract;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Character measures of DOM text: whitespace never counts, text inside links is counted apart. */
final class TextStats {

    private TextStats() {}

    static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u00a0' || c == '\u200b' || c == '\ufeff';
    }

    static int visibleChars(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (!isSpace(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    /** Sentence punctuation: what running article text has and navigation does not. */
    static int punctuation(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            switch (s.charAt(i)) {
                case '，', '。', '；', '！', '？', '、', '：', ',', ';', '!', '?' -> n++;
                default -> {}
            }
        }
        return n;
    }

    static boolean inLink(Node node, Element stop) {
        for (Element e = node.parentElement(); e != null && e != stop; e = e.parent()) {
            if (e.nameIs("a")) {
                return true;
            }
        }
        return false;
    }

    /** Visible characters of the text under {@code root} that is not inside a link. */
    static int nonLinkChars(Element root) {
        int[] n = {0};
        NodeTraversor.traverse(
                (NodeVisitor) (node, depth) -> {
                    if (node instanceof TextNode t && !inLink(t, root)) {
                        n[0] += visibleChars(t.getWholeText());
                    }
                },
                root);
        return n[0];
    }

    /** Visible characters of the text under {@code root} that is inside a link. */
    static int linkChars(Element root) {
        int n = 0;
        for (Element a : root.select("a")) {
            n += visibleChars(a.text());
        }
        return n;
    }

    /** The first {@code max} visible characters of the text under {@code root}, without whitespace. */
    static String firstText(Element root, int max) {
        StringBuilder sb = new StringBuilder();
        NodeTraversor.filter(
                new org.jsoup.select.NodeFilter() {
                    @Override
                    public FilterResult head(Node node, int depth) {
                        if (node instanceof TextNode t) {
                            String s = t.getWholeText();
                            for (int i = 0; i < s.length() && sb.length() < max; i++) {
                                if (!isSpace(s.charAt(i))) {
                                    sb.append(s.charAt(i));
                                }
                            }
                        }
                        return sb.length() >= max ? FilterResult.STOP : FilterResult.CONTINUE;
                    }
                },
                root);
        return sb.toString();
    }
}
