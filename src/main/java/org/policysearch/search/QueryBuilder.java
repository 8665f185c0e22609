package org.policysearch.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a search request into Elasticsearch queries. Every clause is a typed match/phrase/term query built from
 * parsed {@link UserQuery} terms: no user text reaches a query-string, regex, wildcard or script.
 */
final class QueryBuilder {

    /** Terms with more Han characters than this count as long (questions) for {@link QueryTemplate#longWordMsm}. */
    static final int LONG = 8;

    /** Terms above this many Han characters are highlighted by their bigrams, as their exact run rarely occurs. */
    private static final int HIGHLIGHT_PHRASE_MAX = 8;

    private QueryBuilder() {}

    /** The scoring query of the default template. */
    static Query relevance(UserQuery q) {
        return relevance(q, QueryTemplate.DEFAULT);
    }

    static Query relevance(UserQuery q, QueryTemplate template) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        if (q.isEmpty()) {
            bool.must(m -> m.matchAll(a -> a));
        }
        for (UserQuery.Group group : q.required()) {
            List<UserQuery.Term> alternatives = group.alternatives();
            if (alternatives.size() == 1) {
                bool.must(term(alternatives.get(0), template));
            } else {
                List<Query> any =
                        alternatives.stream().map(t -> term(t, template)).toList();
                bool.must(m -> m.bool(b -> b.should(any).minimumShouldMatch("1")));
            }
        }
        for (UserQuery.Term t : q.excluded()) {
            bool.mustNot(exact(t, 1f));
        }
        return Query.of(b -> b.bool(bool.build()));
    }

    private static Query term(UserQuery.Term term, QueryTemplate template) {
        if (!template.routing) {
            return Query.of(b -> b.match(m -> m.field("text").query(term.text()).minimumShouldMatch(template.wordMsm)));
        }
        if (term.docNumber() != null) {
            // The stored number is exact; the number may also be cited in other documents' text.
            return Query.of(b -> b.bool(bool -> bool.should(s -> s.term(
                            t -> t.field("docNumber").value(term.docNumber()).boost(20f)))
                    .should(exact(term, 1f))
                    .minimumShouldMatch("1")));
        }
        return isLoose(term, template) ? loose(term, template) : exact(term, 1f);
    }

    /** The exact substring: a phrase on the bigram view, or on the char view when there is no pair to phrase. */
    private static Query exact(UserQuery.Term term, float boost) {
        String view = hanCount(term.text()) <= 1 ? ".char" : ".bigram";
        String text = term.text();
        if (term.scope() == UserQuery.Scope.TITLE) {
            return phrase("title" + view, text, boost);
        }
        return Query.of(b -> b.bool(bool -> bool.should(phrase("text" + view, text, boost))
                .should(phrase("title" + view, text, 2 * boost))
                .minimumShouldMatch("1")));
    }

    /** A term matched loosely (graded words and bigrams, exact substring); otherwise it is matched exactly. */
    private static boolean isLoose(UserQuery.Term term, QueryTemplate template) {
        return template.routing && term.docNumber() == null && !term.phrase() && hanCount(term.text()) > 1;
    }

    private static Query loose(UserQuery.Term term, QueryTemplate template) {
        String text = term.text();
        boolean titleOnly = term.scope() == UserQuery.Scope.TITLE;
        boolean isLong = hanCount(text) > LONG;
        String wordMsm = isLong && template.longWordMsm != null ? template.longWordMsm : template.wordMsm;
        String bigramMsm = isLong && template.longBigramMsm != null ? template.longBigramMsm : template.bigramMsm;
        if (isLong && template.longGate == QueryTemplate.LongGate.WORDS) {
            bigramMsm = null;
        } else if (isLong && template.longGate == QueryTemplate.LongGate.BIGRAMS) {
            wordMsm = null;
        }
        List<Query> gate = new ArrayList<>();
        if (wordMsm != null) {
            if (!titleOnly) {
                gate.add(match("text", text, wordMsm, 1f));
            }
            if (titleOnly || template.titleWords) {
                gate.add(match("title", text, wordMsm, 2f));
            }
        }
        if (bigramMsm != null) {
            if (!titleOnly) {
                gate.add(match("text.bigram", text, bigramMsm, 1f));
            }
            gate.add(match("title.bigram", text, bigramMsm, 2f));
        }
        if (template.phraseGate) {
            if (!titleOnly) {
                gate.add(phrase("text.bigram", text, 1f));
            }
            gate.add(phrase("title.bigram", text, 3f));
        }
        Query recall = template.disMax
                ? Query.of(b -> b.disMax(d -> d.queries(gate).tieBreaker(0.3)))
                : Query.of(b -> b.bool(bool -> bool.should(gate).minimumShouldMatch("1")));
        if (!template.boosts || template.rescore) {
            return recall;
        }
        return Query.of(b -> b.bool(bool -> bool.must(recall).should(boostClauses(term))));
    }

    /**
     * Scoring-only clauses of a loose term: its exact run in the title and the text, and its words within 3
     * positions. They change no match, only the order.
     */
    private static List<Query> boostClauses(UserQuery.Term term) {
        String text = term.text();
        List<Query> boosts = new ArrayList<>();
        boosts.add(phrase("title.bigram", text, 4f));
        if (term.scope() != UserQuery.Scope.TITLE) {
            boosts.add(phrase("text.bigram", text, 2f));
            boosts.add(Query.of(
                    b -> b.matchPhrase(m -> m.field("text").query(text).slop(3).boost(1.5f))));
        }
        return boosts;
    }

    /**
     * The boosts a {@link QueryTemplate#rescore rescoring} template moves out of the query, for the rescore window:
     * evaluated on the best few hundred hits instead of every match (phrase and proximity checks on long texts are
     * the costly part of a search that also counts facets over all matches). Null when there is nothing to boost.
     */
    static Query boosts(UserQuery q, QueryTemplate template) {
        if (!template.boosts || !template.rescore) {
            return null;
        }
        List<Query> clauses = new ArrayList<>();
        for (UserQuery.Term t : q.positiveTerms()) {
            if (isLoose(t, template)) {
                clauses.addAll(boostClauses(t));
            }
        }
        return clauses.isEmpty() ? null : Query.of(b -> b.bool(bool -> bool.should(clauses)));
    }

    private static Query match(String field, String text, String msm, float boost) {
        return Query.of(b ->
                b.match(m -> m.field(field).query(text).minimumShouldMatch(msm).boost(boost)));
    }

    private static Query phrase(String field, String text, float boost) {
        return Query.of(b -> b.matchPhrase(m -> m.field(field).query(text).boost(boost)));
    }

    static int hanCount(String s) {
        return (int) s.codePoints()
                .filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
                .count();
    }

    /**
     * What highlighting marks on {@code field} (a bigram view with offsets): each positive term's exact run, so a
     * phrase is marked whole; a long term (a question) by its pairs, as the whole rarely occurs verbatim. A single
     * character is marked only where it stands alone: inside a run it is part of pairs, and the char view has no
     * offsets (re-analysing long texts to mark it would be too slow).
     */
    static Query highlight(UserQuery q, String field) {
        return Query.of(b -> b.bool(bool -> {
            for (UserQuery.Term t : q.positiveTerms()) {
                if (!t.phrase() && hanCount(t.text()) > HIGHLIGHT_PHRASE_MAX) {
                    bool.should(s -> s.match(m -> m.field(field).query(t.text())));
                } else {
                    bool.should(s -> s.matchPhrase(m -> m.field(field).query(t.text())));
                }
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
