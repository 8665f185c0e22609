package org.policysearch.web;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import java.io.IOException;
import java.util.List;
import org.policysearch.index.IndexManager;
import org.policysearch.index.PolicyDocument;
import org.springframework.stereotype.Component;

/** The documents that duplicate a representative, for its page. */
@Component
class DuplicateList {

    static final int MAX = 50;

    private final ElasticsearchClient client;
    private final IndexManager indexManager;

    DuplicateList(ElasticsearchClient client, IndexManager indexManager) {
        this.client = client;
        this.indexManager = indexManager;
    }

    List<PolicyDocument> of(String representativeId) throws IOException {
        return client
                .search(
                        s -> s.index(indexManager.alias())
                                .size(MAX)
                                .source(src ->
                                        src.filter(f -> f.includes("id", "title", "date", "source", "sourceUrl")))
                                .query(q -> q.term(t -> t.field("duplicateOf").value(representativeId)))
                                .sort(o -> o.field(f ->
                                        f.field("date").order(SortOrder.Desc).missing("_last"))),
                        PolicyDocument.class)
                .hits()
                .hits()
                .stream()
                .filter(h -> h.source() != null)
                .map(h -> h.source().id() != null ? h.source() : withId(h.source(), h.id()))
                .toList();
    }

    private static PolicyDocument withId(PolicyDocument d, String id) {
        return new PolicyDocument(
                id,
                d.title(),
                null,
                d.date(),
                null,
                d.source(),
                d.sourceUrl(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                d.duplicateOf(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
