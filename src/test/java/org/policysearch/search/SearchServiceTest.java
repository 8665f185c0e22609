package org.policysearch.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.TotalHitsRelation;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.policysearch.index.IndexManager;
import org.policysearch.index.PolicyDocument;
import org.policysearch.index.TestDocument;
import org.springframework.util.LinkedMultiValueMap;

class SearchServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SearchService service = new SearchService(null, alias("policy-docs"));

    private static IndexManager alias(String name) {
        IndexManager indexManager = mock(IndexManager.class);
        when(indexManager.alias()).thenReturn(name);
        return indexManager;
    }

    private static JsonNode json(SearchRequest request) throws Exception {
        return JSON.readTree(JsonpUtils.toJsonString(request, new JacksonJsonpMapper()));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void hitsFetchOnlyTheFieldsTheyShowWithTheStoredDuplicateCount() throws Exception {
        var params = new LinkedMultiValueMap<String, String>();
        params.add("q", "乡村振兴");
        JsonNode body = json(service.request(SearchController.parse(params)));

        assertThat(texts(body.at("/_source/includes")))
                .containsExactlyInAnyOrder("title", "date", "source", "type", "issuingBody", "docNumber", "duplicates");
        assertThat(body.at("/highlight/fields/text.bigram").isObject()).isTrue();
    }

    @Test
    void boostsRescoreTheBestHitsAndAreLeftOutWhenSortedByDate() throws Exception {
        var params = new LinkedMultiValueMap<String, String>();
        params.add("q", "乡村振兴");
        JsonNode first = json(service.request(SearchController.parse(params)));
        assertThat(first.at("/rescore/0/window_size").asInt()).isEqualTo(QueryTemplate.RESCORE_WINDOW);
        assertThat(first.at("/rescore/0/query/rescore_query/bool/should")).hasSize(3);

        // A deep page widens the window to reach its last hit.
        params.add("page", "30");
        assertThat(json(service.request(SearchController.parse(params)))
                        .at("/rescore/0/window_size")
                        .asInt())
                .isEqualTo(300);

        params.add("sort", "-date");
        JsonNode byDate = json(service.request(SearchController.parse(params)));
        assertThat(byDate.has("rescore")).isFalse();
        assertThat(byDate.toString()).doesNotContain("slop");
        assertThat(byDate.at("/sort").isMissingNode()).isFalse();
    }

    /** Facet aggregations as {@link FacetAggregations#read} expects them, without values. */
    private static Map<String, Aggregate> emptyFacets() {
        Map<String, Aggregate> aggregations = new HashMap<>();
        for (Facet facet : Facet.values()) {
            Aggregate values = facet == Facet.YEAR
                    ? Aggregate.of(a -> a.histogram(h -> h.buckets(b -> b.array(List.of()))))
                    : Aggregate.of(a -> a.sterms(t -> t.buckets(b -> b.array(List.of()))));
            aggregations.put(
                    facet.param, Aggregate.of(a -> a.filter(f -> f.docCount(0).aggregations("values", values))));
        }
        return aggregations;
    }

    /** The duplicate counts come with the hits (ADR 0010): a search sends exactly one request. */
    @Test
    void aSearchIsOneRequest() throws Exception {
        ElasticsearchClient client = mock(ElasticsearchClient.class);
        @SuppressWarnings("unchecked")
        SearchResponse<PolicyDocument> response = SearchResponse.of(r -> r.took(3)
                .timedOut(false)
                .aggregations(emptyFacets())
                .shards(s -> s.total(1).successful(1).failed(0))
                .hits(h -> h.total(t -> t.value(1).relation(TotalHitsRelation.Eq))
                        .hits(hit -> hit.index("policy-docs-v4")
                                .id("rep")
                                .source(TestDocument.builder("rep")
                                        .title("乡村振兴促进法")
                                        .build()
                                        .withDuplicates(2)))));
        when(client.search(any(SearchRequest.class), eq(PolicyDocument.class))).thenReturn(response);
        SearchService oneRequest = new SearchService(client, alias("policy-docs"));
        var params = new LinkedMultiValueMap<String, String>();
        params.add("q", "乡村振兴");

        SearchResult result = oneRequest.search(SearchController.parse(params));

        assertThat(result.hits()).singleElement().satisfies(h -> {
            assertThat(h.id()).isEqualTo("rep");
            assertThat(h.duplicates()).isEqualTo(2);
        });
        verify(client, times(1)).search(any(SearchRequest.class), eq(PolicyDocument.class));
        verifyNoMoreInteractions(client);
    }
}
