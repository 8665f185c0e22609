package org.policysearch.extract;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Main-content extraction for HTML pages: meta tags and heading first, then chrome pruning (tags, class/id words,
 * section headings), the maximum-value subtree as the article container (or a per-site selector), paragraphs
 * written from it and boilerplate paragraphs dropped. The 发布时间/来源 line goes to meta {@code info}, not the text;
 * the heading is the title and not repeated in the text. Thread-safe: rules are read-only.
 */
public final class HtmlMainContent {

    /** How far after the heading the info line and subtitle are looked for, in elements. */
    private static final int HEADER_ZONE = 15;
    /** Paragraphs at either end of the text checked for info lines. */
    private static final int INFO_EDGE = 3;

    private static final int MAX_INFO_LENGTH = 150;
    private static final int MAX_LEAD_INFO_LENGTH = 80;
    private static final Pattern BYLINE_DATE = Pattern.compile("(?<!\\d)\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}(?!\\d)");
    private static final Pattern SENTENCE_PUNCTUATION = Pattern.compile("[。，；：、（）()！？]");
    private static final int MAX_SUBTITLE_LENGTH = 100;
    private static final Pattern SUBTITLE_CLASS = Pattern.compile("(?i)sub[-_]?title|subhead|fbt|futitle");
    private static final Pattern NON_TEXT = Pattern.compile("[\\s\\u00a0\\u3000]+");

    private static final class DefaultRules {
        // Loaded once, on first use.
        static final SiteRules RULES = SiteRules.load();
    }

    private final SiteRules rules;
    private final ChromePruner pruner;

    private HtmlMainContent(SiteRules rules) {
        this.rules = rules;
        this.pruner = new ChromePruner(rules);
    }

    public static HtmlMainContent withDefaultRules() {
        return new HtmlMainContent(DefaultRules.RULES);
    }

    public static HtmlMainContent withRules(SiteRules rules) {
        return new HtmlMainContent(rules);
    }

    /** The shipped rules ({@code ingest/sites/*.yml}), e.g. to derive {@link SiteRules#withSites} variants. */
    public static SiteRules defaultRules() {
        return DefaultRules.RULES;
    }

    public HtmlPage extract(String html, String baseUri) {
        Document doc = Jsoup.parse(html == null ? "" : html, baseUri == null ? "" : baseUri);
        Map<String, List<String>> meta = MetaTags.collect(doc);
        Element body = doc.body();
        Optional<SiteRules.SiteRule> site = rules.siteFor(host(baseUri));
        site.ifPresent(s -> s.removeSelectors().forEach(sel -> body.select(sel).remove()));

        TitleFinder.Found title = TitleFinder.find(doc, MetaTags.first(meta, "og:title"));
        Set<Element> skip = Collections.newSetFromMap(new IdentityHashMap<>());
        String subtitle = null;
        if (title.element() != null) {
            skip.add(title.element());
            Element sub = subtitle(title.element(), title.text());
            if (sub != null) {
                skip.add(sub);
                subtitle = TitleFinder.clean(sub.text());
            }
            for (Element info : infoAfter(title.element())) {
                MetaTags.add(meta, "info", TitleFinder.clean(info.text()));
                info.remove();
            }
        }

        pruner.prune(body);
        Element container = site.map(s -> s.contentSelector())
                .filter(sel -> sel != null && !sel.isBlank())
                .map(body::selectFirst)
                .orElseGet(() -> new ContentScorer().choose(body));

        List<String> paragraphs = clean(ParagraphWriter.paragraphs(container, skip), title.text(), meta);
        if (subtitle != null
                && !bare(subtitle).equals(bare(title.text()))
                && (paragraphs.isEmpty() || !bare(paragraphs.get(0)).equals(bare(subtitle)))) {
            paragraphs.add(0, subtitle);
        }
        return new HtmlPage(title.text(), String.join("\n\n", paragraphs), freeze(meta));
    }

    private List<String> clean(List<String> paragraphs, String title, Map<String, List<String>> meta) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < paragraphs.size(); i++) {
            String p = paragraphs.get(i);
            boolean edge = i < INFO_EDGE || i >= paragraphs.size() - INFO_EDGE;
            if (kept.isEmpty() && bare(p).equals(bare(title))) {
                continue;
            }
            if (edge && isInfo(p)) {
                MetaTags.add(meta, "info", p);
                continue;
            }
            if (rules.boilerplateLines().stream().noneMatch(r -> r.matches(p))) {
                kept.add(p);
            }
        }
        return kept;
    }

    /**
     * A short line with two info labels (发布时间：… 来源：…), one label and a date, or starting with a strong label
     * (来源：…).
     */
    boolean isInfo(String line) {
        if (line.length() > MAX_INFO_LENGTH) {
            return false;
        }
        Matcher m = rules.infoLabels().matcher(line);
        int labels = 0;
        while (m.find()) {
            labels++;
        }
        return labels >= 2
                || (labels == 1 && rules.infoDate().matcher(line).find())
                || (line.length() <= MAX_LEAD_INFO_LENGTH
                        && rules.infoLeadLabels().matcher(line).find());
    }

    /**
     * An unlabelled byline under the heading as CMSs render it (原创 作者 公众号 2023-05-04 09:12): short, a numeric
     * date, no sentence punctuation. Only looked for right after the heading, where an article never starts so.
     */
    private static boolean isByline(String line) {
        return line.length() <= MAX_LEAD_INFO_LENGTH
                && BYLINE_DATE.matcher(line).find()
                && !SENTENCE_PUNCTUATION.matcher(line).find();
    }

    /** A heading-like sibling right after the title: h2–h6 or a sub-title class, short, not an info line. */
    private Element subtitle(Element heading, String title) {
        Element next = heading.nextElementSibling();
        for (int i = 0; i < 2 && next != null; i++, next = next.nextElementSibling()) {
            String text = TitleFinder.clean(next.text());
            boolean headingLike = next.normalName().matches("h[1-6]")
                    || SUBTITLE_CLASS.matcher(next.className()).find();
            if (headingLike && !text.isEmpty() && text.length() <= MAX_SUBTITLE_LENGTH && !isInfo(text)) {
                return next;
            }
        }
        return null;
    }

    /** Info lines among the elements that follow the heading in document order (outside it). */
    private List<Element> infoAfter(Element heading) {
        List<Element> found = new ArrayList<>();
        List<Element> all = heading.ownerDocument().getAllElements();
        int start = all.indexOf(heading) + heading.getAllElements().size();
        for (int i = start; i < Math.min(all.size(), start + HEADER_ZONE) && found.size() < 2; i++) {
            Element e = all.get(i);
            if (found.stream().anyMatch(f -> e.parents().contains(f))) {
                continue;
            }
            // The smallest block holding the line (not a wrapper that also holds the article, nor one of its spans).
            String line = TitleFinder.clean(e.text());
            if ((isInfo(line) || isByline(line))
                    && e.children().stream()
                            .noneMatch(c -> ContentScorer.BLOCKS.contains(c.normalName())
                                    && (isInfo(TitleFinder.clean(c.text()))
                                            || isByline(TitleFinder.clean(c.text()))))) {
                found.add(e);
            }
        }
        return found;
    }

    private static String bare(String s) {
        return NON_TEXT.matcher(s).replaceAll("");
    }

    private static String host(String baseUri) {
        try {
            return baseUri == null || baseUri.isBlank()
                    ? null
                    : URI.create(baseUri.strip()).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Map<String, List<String>> freeze(Map<String, List<String>> meta) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        meta.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(copy);
    }
}
