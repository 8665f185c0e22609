package org.policysearch.search;

import java.util.List;

/** The body of {@code GET /api/facets/{facet}}: values by count, under the current query and other selections. */
public record FacetValues(String facet, List<SearchResult.FacetValue> values) {}
