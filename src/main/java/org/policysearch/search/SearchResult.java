package org.policysearch.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** The body of {@code GET /api/search}. */
public record SearchResult(long total, long took, List<SearchHit> hits, Map<String, List<FacetValue>> facets) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SearchHit(
            String id,
            String title,
            String date,
            String source,
            String type,
            String issuingBody,
            String docNumber,
            List<String> highlights,
            long duplicates) {}

    public record FacetValue(String value, long count, boolean selected) {}
}
