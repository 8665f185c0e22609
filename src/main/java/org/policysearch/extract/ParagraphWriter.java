package org.policysearch.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Writes the text of the content element as paragraphs: every block element and {@code <br>} ends one, table cells
 * of a row stay on one line. Skips given elements (title, info line) and link-dense blocks inside the content
 * (related lists, prev/next links).
 */
final class ParagraphWriter {

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u200b\\ufeff]+");
    private static final Set<String> CELLS = Set.of("td", "th");
    /** A block whose text is mostly links is a list of other pages (attachments excepted, see below). */
    private static final double MAX_LINK_DENSITY = 0.5;

    private final List<String> paragraphs = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private final Set<Element> skip;
    private final Element root;

    private ParagraphWriter(Element root, Set<Element> skip) {
        this.root = root;
        this.skip = skip;
    }

    static List<String> paragraphs(Element root, Set<Element> skip) {
        ParagraphWriter writer = new ParagraphWriter(root, skip);
        NodeTraversor.filter(writer.filter(), root);
        writer.flush();
        return writer.paragraphs;
    }

    private NodeFilter filter() {
        return new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    current.append(SPACES.matcher(t.getWholeText()).replaceAll(" "));
                } else if (node instanceof Element e) {
                    if (skip.contains(e) || (e != root && linkList(e))) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (CELLS.contains(e.normalName())) {
                        current.append(' ');
                    } else if (e.nameIs("br") || ContentScorer.BLOCKS.contains(e.normalName())) {
                        flush();
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element e
                        && ContentScorer.BLOCKS.contains(e.normalName())
                        && !CELLS.contains(e.normalName())) {
                    flush();
                }
                return FilterResult.CONTINUE;
            }
        };
    }

    private static boolean linkList(Element e) {
        if (!ContentScorer.BLOCKS.contains(e.normalName()) || e.selectFirst("a") == null) {
            return false;
        }
        int links = TextStats.linkChars(e);
        int all = links + TextStats.nonLinkChars(e);
        // Attachment lines (附件：<a>…</a>) are part of a notice.
        return links > MAX_LINK_DENSITY * all && !e.text().contains("附件");
    }

    private void flush() {
        String p = current.toString().strip();
        p = stripIndent(p);
        if (!p.isEmpty()) {
            paragraphs.add(p);
        }
        current.setLength(0);
    }

    /** Chinese paragraphs are indented with ideographic spaces; those are layout, not text. */
    private static String stripIndent(String p) {
        int start = 0;
        int end = p.length();
        while (start < end && TextStats.isSpace(p.charAt(start))) {
            start++;
        }
        while (end > start && TextStats.isSpace(p.charAt(end - 1))) {
            end--;
        }
        return p.substring(start, end);
    }
}
