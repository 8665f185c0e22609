package org.policysearch.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A validated search request.
 *
 * @param q the user's query, may be empty (browse by facets)
 * @param page 1-based page
 * @param size hits per page
 * @param sort relevance, date (oldest first) or -date (newest first)
 * @param filters selected facet values; OR within a facet, AND across facets
 * @param from inclusive lower date bound, may be null
 * @param to inclusive upper date bound, may be null
 * @param includeDuplicates false collapses duplicates into their representative
 */
public record SearchParams(
        String q,
        int page,
        int size,
        Sort sort,
        Map<Facet, List<String>> filters,
        LocalDate from,
        LocalDate to,
        boolean includeDuplicates) {

    public enum Sort {
        RELEVANCE,
        DATE_ASC,
        DATE_DESC
    }

    public boolean selected(Facet facet, String value) {
        return filters.getOrDefault(facet, List.of()).contains(value);
    }
}
