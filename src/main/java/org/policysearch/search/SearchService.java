package org.policysearch.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.BoundaryScanner;
import co.elastic.clients.elasticsearch.core.search.Highlight;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.HighlighterType;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.policysearch.index.IndexManager;
import org.policysearch.index.PolicyDocument;
import org.springframework.stereotype.Service;

/** Keyword search with highlighted snippets, collapsed duplicates and facet counts. */
@Service
public class SearchService {

    private static final int SNIPPET_CHARS = 120;

    /**
     * The stored fields a hit shows: long ones (the text, fingerprints, provenance) never travel. The duplicate count
     * is stored on the representative at write time, so one request answers a search (ADR 0010).
     */
    private static final List<String> HIT_FIELDS =
            List.of("title", "date", "source", "type", "issuingBody", "docNumber", "duplicates");

    private final ElasticsearchClient client;
    private final IndexManager indexManager;

    SearchService(ElasticsearchClient client, IndexManager indexManager) {
        this.client = client;
        this.indexManager = indexManager;
    }

    /** The query the hits and the facet counts share: relevance plus the non-facet filters. */
    static Query mainQuery(SearchParams params) {
        return mainQuery(params, QueryParser.parse(params.q()));
    }

    private static Query mainQuery(SearchParams params, UserQuery userQuery) {
        List<Query> filters = QueryBuilder.baseFilters(params);
        return Query.of(
                q -> q.bool(b -> b.must(QueryBuilder.relevance(userQuery)).filter(filters)));
    }

    public SearchResult search(SearchParams params) throws IOException {
        SearchResponse<PolicyDocument> response = client.search(request(params), PolicyDocument.class);
        List<SearchResult.SearchHit> hits = new ArrayList<>();
        for (Hit<PolicyDocument> hit : response.hits().hits()) {
            PolicyDocument d = hit.source();
            List<String> highlights = hit.highlight().getOrDefault("text.bigram", List.of()).stream()
                    .map(Highlights::mergeAdjacent)
                    .toList();
            hits.add(new SearchResult.SearchHit(
                    hit.id(),
                    d == null ? null : d.title(),
                    d == null ? null : d.date(),
                    d == null ? null : d.source(),
                    d == null ? null : d.type(),
                    d == null ? null : d.issuingBody(),
                    d == null ? null : d.docNumber(),
                    highlights,
                    d == null || d.duplicates() == null ? 0 : d.duplicates()));
        }
        long total = response.hits().total() == null
                ? hits.size()
                : response.hits().total().value();
        return new SearchResult(total, response.took(), hits, FacetAggregations.read(response.aggregations(), params));
    }

    /** The request {@link #search} sends: hits, highlights and facet counts in one search. */
    SearchRequest request(SearchParams params) {
        UserQuery userQuery = QueryParser.parse(params.q());
        Query main = mainQuery(params, userQuery);
        return SearchRequest.of(s -> {
            s.index(indexManager.alias())
                    .query(main)
                    .postFilter(QueryBuilder.facetFilters(params.filters(), null))
                    .from((params.page() - 1) * params.size())
                    .size(params.size())
                    .trackTotalHits(t -> t.enabled(true))
                    .source(src -> src.filter(f -> f.includes(HIT_FIELDS)));
            switch (params.sort()) {
                case DATE_ASC -> s.sort(o -> o.field(f -> f.field("date").order(SortOrder.Asc)));
                case DATE_DESC -> s.sort(o -> o.field(f -> f.field("date").order(SortOrder.Desc)));
                case RELEVANCE -> {
                    // Sorted by date, the boosts would change nothing: they are not sent at all.
                    Query boosts = QueryBuilder.boosts(userQuery, QueryTemplate.DEFAULT);
                    if (boosts != null) {
                        int window = Math.max(QueryTemplate.RESCORE_WINDOW, params.page() * params.size());
                        s.rescore(r -> r.windowSize(window).query(rq -> rq.query(boosts)));
                    }
                }
            }
            if (!userQuery.isEmpty()) {
                s.highlight(highlight(userQuery));
            }
            FacetAggregations.addTo(s, params);
            return s;
        });
    }

    /**
     * Snippets from the bigram view (offsets in postings: no re-analysis of long texts). The sentence scanner with
     * the zh-CN locale cuts fragments only between sentences (after 。！？ or a line end) and grows a fragment by
     * whole sentences up to {@link #SNIPPET_CHARS}, so no character or word is cut; the HTML encoder escapes the
     * document's own markup.
     */
    static Highlight highlight(UserQuery userQuery) {
        return Highlight.of(h -> h.type(HighlighterType.Unified)
                .encoder(HighlighterEncoder.Html)
                .preTags("<em>")
                .postTags("</em>")
                .fields(
                        "text.bigram",
                        f -> f.fragmentSize(SNIPPET_CHARS)
                                .numberOfFragments(3)
                                .noMatchSize(SNIPPET_CHARS)
                                .boundaryScanner(BoundaryScanner.Sentence)
                                .boundaryScannerLocale("zh-CN")
                                .highlightQuery(QueryBuilder.highlight(userQuery, "text.bigram"))));
    }
}
