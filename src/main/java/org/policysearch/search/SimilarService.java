package org.policysearch.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.policysearch.index.DocumentStore;
import org.policysearch.index.IndexManager;
import org.policysearch.index.PolicyDocument;
import org.springframework.stereotype.Service;

/**
 * Documents like a given one ({@code more_like_this} on the word-segmented title and text). Duplicates are not
 * "similar documents": the result leaves out every non-representative (so the document's own duplicates and
 * those of others) and the representative the document duplicates.
 */
@Service
public class SimilarService {

    private final ElasticsearchClient client;
    private final IndexManager indexManager;
    private final DocumentStore store;

    SimilarService(ElasticsearchClient client, IndexManager indexManager, DocumentStore store) {
        this.client = client;
        this.indexManager = indexManager;
        this.store = store;
    }

    /** Empty when there is no such document. */
    public Optional<SimilarHits> similar(String id, int size) throws IOException {
        Optional<PolicyDocument> document = store.get(id);
        if (document.isEmpty()) {
            return Optional.empty();
        }
        List<String> exclude = new ArrayList<>(List.of(id));
        if (document.get().duplicateOf() != null) {
            exclude.add(document.get().duplicateOf());
        }
        Query likeThis = Query.of(q -> q.moreLikeThis(m -> m.fields("title", "text")
                .like(l -> l.document(d -> d.index(indexManager.alias()).id(id)))
                // Titles are short and the corpus may be small: a term counts from its first occurrence.
                .minTermFreq(1)
                .minDocFreq(1)
                .maxQueryTerms(40)
                .minimumShouldMatch("20%")));
        SearchResponse<PolicyDocument> response = client.search(
                s -> s.index(indexManager.alias())
                        .size(size)
                        .source(src -> src.filter(f -> f.includes("title", "date", "type")))
                        .query(q -> q.bool(b -> b.must(likeThis)
                                .mustNot(m -> m.ids(i -> i.values(exclude)))
                                .mustNot(m -> m.exists(e -> e.field("duplicateOf"))))),
                PolicyDocument.class);
        List<SimilarHits.SimilarHit> hits = new ArrayList<>();
        for (Hit<PolicyDocument> hit : response.hits().hits()) {
            PolicyDocument d = hit.source();
            hits.add(new SimilarHits.SimilarHit(
                    hit.id(),
                    d == null ? null : d.title(),
                    d == null ? null : d.date(),
                    d == null ? null : d.type(),
                    hit.score() == null ? 0 : hit.score()));
        }
        return Optional.of(new SimilarHits(hits));
    }
}
