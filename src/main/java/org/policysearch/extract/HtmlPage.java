package org.policysearch.extract;

import java.util.List;
import java.util.Map;

/**
 * The main content of one web page.
 *
 * @param title the page's title as found (title tag, h1, og:title), site suffix not yet removed
 * @param text main text, paragraphs separated by a blank line
 * @param meta meta tags and other page metadata, keys lower-case (e.g. {@code keywords}, {@code publishdate})
 */
public record HtmlPage(String title, String text, Map<String, List<String>> meta) {}
