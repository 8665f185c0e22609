package org.policysearch.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.policysearch.index.PolicyDocument;

/** Benchmarks read back what the pipeline wrote, to feed raw bulk baselines and copies. */
public final class IndexDocuments {

    private IndexDocuments() {}

    /** Every document of {@code index}, in id order (search_after pages of 500). */
    public static List<PolicyDocument> readAll(ElasticsearchClient client, String index) throws IOException {
        List<PolicyDocument> out = new ArrayList<>();
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> from = after;
            var response = client.search(
                    s -> {
                        s.index(index)
                                .size(500)
                                .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
                        if (from != null) {
                            s.searchAfter(from);
                        }
                        return s;
                    },
                    PolicyDocument.class);
            List<Hit<PolicyDocument>> hits = response.hits().hits();
            if (hits.isEmpty()) {
                return out;
            }
            hits.forEach(h -> out.add(h.source()));
            after = hits.get(hits.size() - 1).sort();
        }
    }
}
