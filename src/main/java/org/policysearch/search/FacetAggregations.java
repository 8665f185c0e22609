package org.policysearch.search;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.HistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.LongTermsBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Facet counts with the post-filter pattern: the hits are narrowed by every facet selection (post_filter), while
 * each facet's counts are narrowed by every selection except its own, so ticking 通知 does not zero 意见 (OR within
 * a facet, AND across facets). Year is a histogram of every year with documents, oldest first; the other facets
 * are top-N terms plus the exact counts of the selected values, which are listed even when outside the top N or
 * at zero, so they can be unticked.
 */
final class FacetAggregations {

    private static final String VALUES = "values";
    private static final String SELECTED = "selected";

    private FacetAggregations() {}

    /** One aggregation per facet, named by its request parameter. */
    static void addTo(SearchRequest.Builder request, SearchParams params) {
        for (Facet facet : Facet.values()) {
            request.aggregations(facet.param, of(facet, params, facet.defaultSize, null));
        }
    }

    /**
     * The aggregation of one facet under the other facets' selections.
     *
     * @param include a Lucene regular expression the values must match, or null for all values
     */
    static Aggregation of(Facet facet, SearchParams params, int size, String include) {
        List<String> selected = params.filters().getOrDefault(facet, List.of());
        return Aggregation.of(a -> {
            a.filter(QueryBuilder.facetFilters(params.filters(), facet));
            if (facet == Facet.YEAR) {
                return a.aggregations(
                        VALUES,
                        v -> v.histogram(h -> h.field(facet.field).interval(1.0).minDocCount(1)));
            }
            a.aggregations(
                    VALUES,
                    v -> v.terms(t -> {
                        t.field(facet.field).size(size);
                        if (include != null) {
                            t.include(i -> i.regexp(include));
                        }
                        return t;
                    }));
            if (!selected.isEmpty()) {
                a.aggregations(
                        SELECTED,
                        v -> v.terms(
                                t -> t.field(facet.field).size(selected.size()).include(i -> i.terms(selected))));
            }
            return a;
        });
    }

    /** Every facet's values from a response built with {@link #addTo}. */
    static Map<String, List<SearchResult.FacetValue>> read(Map<String, Aggregate> aggregations, SearchParams params) {
        Map<String, List<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
        for (Facet facet : Facet.values()) {
            facets.put(facet.param, read(facet, aggregations.get(facet.param), params));
        }
        return facets;
    }

    /** One facet's values from an aggregation built with {@link #of}. */
    static List<SearchResult.FacetValue> read(Facet facet, Aggregate aggregate, SearchParams params) {
        Map<String, Aggregate> sub = aggregate.filter().aggregations();
        List<String> selected = params.filters().getOrDefault(facet, List.of());
        List<SearchResult.FacetValue> values = new ArrayList<>();
        if (facet == Facet.YEAR) {
            for (HistogramBucket b : sub.get(VALUES).histogram().buckets().array()) {
                String year = Long.toString((long) b.key());
                values.add(new SearchResult.FacetValue(year, b.docCount(), selected.contains(year)));
            }
            addMissingSelected(values, selected, Map.of());
            values.sort(Comparator.comparing(v -> yearKey(v.value())));
            return values;
        }
        values.addAll(buckets(sub.get(VALUES), selected));
        Map<String, Long> selectedCounts = new HashMap<>();
        if (sub.containsKey(SELECTED)) {
            buckets(sub.get(SELECTED), selected).forEach(v -> selectedCounts.put(v.value(), v.count()));
        }
        addMissingSelected(values, selected, selectedCounts);
        return values;
    }

    private static void addMissingSelected(
            List<SearchResult.FacetValue> values, List<String> selected, Map<String, Long> counts) {
        for (String s : selected) {
            if (values.stream().noneMatch(v -> v.value().equals(s))) {
                values.add(new SearchResult.FacetValue(s, counts.getOrDefault(s, 0L), true));
            }
        }
    }

    private static List<SearchResult.FacetValue> buckets(Aggregate terms, List<String> selected) {
        List<SearchResult.FacetValue> out = new ArrayList<>();
        if (terms.isSterms()) {
            for (StringTermsBucket b : terms.sterms().buckets().array()) {
                String v = b.key().stringValue();
                out.add(new SearchResult.FacetValue(v, b.docCount(), selected.contains(v)));
            }
        } else if (terms.isLterms()) {
            for (LongTermsBucket b : terms.lterms().buckets().array()) {
                String v = Long.toString(b.key());
                out.add(new SearchResult.FacetValue(v, b.docCount(), selected.contains(v)));
            }
        }
        return out;
    }

    /** Years sort numerically; a selected value that is not a year sorts last. */
    private static long yearKey(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
