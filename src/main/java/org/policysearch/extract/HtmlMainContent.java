package org.policysearch.extract;

import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Main-content extraction for HTML pages (placeholder: the whole body; replaced by the real extractor). */
public final class HtmlMainContent {

    public static HtmlMainContent withDefaultRules() {
        return new HtmlMainContent();
    }

    public HtmlPage extract(String html, String baseUri) {
        Document doc = Jsoup.parse(html, baseUri == null ? "" : baseUri);
        return new HtmlPage(doc.title(), doc.body() == null ? "" : doc.body().text(), Map.of());
    }
}
