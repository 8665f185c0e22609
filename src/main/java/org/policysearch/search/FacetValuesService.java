package org.policysearch.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.io.IOException;
import org.policysearch.index.IndexManager;
import org.springframework.stereotype.Service;

/** All values of one facet (up to a size), optionally only those containing a typed filter. */
@Service
public class FacetValuesService {

    private final ElasticsearchClient client;
    private final IndexManager indexManager;

    FacetValuesService(ElasticsearchClient client, IndexManager indexManager) {
        this.client = client;
        this.indexManager = indexManager;
    }

    public FacetValues values(Facet facet, SearchParams params, String filter, int size) throws IOException {
        String include = filter == null || filter.isBlank() ? null : ValueFilter.containing(filter.strip());
        SearchResponse<Void> response = client.search(
                s -> s.index(indexManager.alias())
                        .size(0)
                        .query(SearchService.mainQuery(params))
                        .aggregations(facet.param, FacetAggregations.of(facet, params, size, include)),
                Void.class);
        return new FacetValues(
                facet.param,
                FacetAggregations.read(facet, response.aggregations().get(facet.param), params));
    }
}
