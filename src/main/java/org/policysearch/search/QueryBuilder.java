package org.policysearch.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a search request into Elasticsearch queries. Every clause is a typed match/phrase/term query: no user
 * text reaches a query-string, regex, wildcard or script.
 */
final class QueryBuilder {

    private QueryBuilder() {}

    /** The scoring query: graded word match plus exact substring (phrase on the bigram view) with title boosts. */
    static Query relevance(String q) {
        if (q == null || q.isBlank()) {
            return Query.of(b -> b.matchAll(m -> m));
        }
        String text = q.strip();
        return Query.of(b -> b.bool(bool -> bool.should(
                        s -> s.match(m -> m.field("text").query(text).minimumShouldMatch("2<75%")))
                .should(s -> s.match(m ->
                        m.field("title").query(text).minimumShouldMatch("2<75%").boost(2f)))
                .should(s ->
                        s.matchPhrase(m -> m.field("text.bigram").query(text).boost(2f)))
                .should(s ->
                        s.matchPhrase(m -> m.field("title.bigram").query(text).boost(4f)))
                .should(s -> s.matchPhrase(m -> m.field("text.char").query(text)))
                .minimumShouldMatch("1")));
    }

    /** What highlighting marks: the query's exact runs on the bigram view, so a phrase is marked whole. */
    static Query highlight(String q, String field) {
        String text = q.strip();
        return Query.of(b -> b.bool(bool -> {
            for (String chunk : text.split("\\s+")) {
                bool.should(s -> s.matchPhrase(m -> m.field(field).query(chunk)));
            }
            return bool;
        }));
    }

    /** Filters that are not facets: dates and duplicate collapsing. */
    static List<Query> baseFilters(SearchParams params) {
        List<Query> filters = new ArrayList<>();
        if (!params.includeDuplicates()) {
            filters.add(Query.of(b -> b.bool(bool -> bool.mustNot(m -> m.exists(e -> e.field("duplicateOf"))))));
        }
        LocalDate from = params.from();
        LocalDate to = params.to();
        if (from != null || to != null) {
            filters.add(Query.of(b -> b.range(r -> r.date(d -> {
                d.field("date");
                if (from != null) {
                    d.gte(from.toString());
                }
                if (to != null) {
                    d.lte(to.toString());
                }
                return d;
            }))));
        }
        return filters;
    }

    /** The selected values of each facet as a terms filter, skipping {@code except} (post-filter pattern). */
    static Query facetFilters(Map<Facet, List<String>> filters, Facet except) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        filters.forEach((facet, values) -> {
            if (facet != except && !values.isEmpty()) {
                List<FieldValue> terms = values.stream().map(FieldValue::of).toList();
                bool.filter(f -> f.terms(t -> t.field(facet.field).terms(v -> v.value(terms))));
            }
        });
        return Query.of(q -> q.bool(bool.build()));
    }
}
