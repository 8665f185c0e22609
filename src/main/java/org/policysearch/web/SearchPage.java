package org.policysearch.web;

import java.util.List;

/**
 * What the search page shows, ready for the template: every link is built here, every snippet is sanitised here.
 *
 * @param apiQuery the search state as a query string, for the facet values API called from JS
 * @param scriptHint the query in the other script when it differs, else null
 */
record SearchPage(
        String q,
        String sort,
        String from,
        String to,
        boolean includeDuplicates,
        long total,
        long took,
        List<Hit> hits,
        List<FacetGroup> facets,
        List<ActiveFilter> active,
        List<Link> sorts,
        Pagination pagination,
        List<Link> suggestions,
        Link scriptHint,
        String apiQuery,
        String error) {

    /** A result; {@code snippets} are safe HTML (only {@code <em>}). */
    record Hit(
            String id,
            String title,
            String url,
            List<String> snippets,
            List<String> meta,
            long duplicates,
            String duplicatesUrl) {}

    record FacetGroup(
            String param,
            String label,
            List<Option> options,
            boolean filterable,
            boolean histogram,
            String moreUrl,
            long maxCount) {}

    record Option(String value, long count, boolean selected, String toggleUrl, String id) {}

    record ActiveFilter(String label, String value, String removeUrl) {}

    record Link(String label, String url, boolean current) {}

    record Pagination(Link previous, List<Link> pages, Link next, int current, int last) {}
}
