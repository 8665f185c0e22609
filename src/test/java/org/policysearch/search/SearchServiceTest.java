package org.policysearch.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.policysearch.index.IndexManager;
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
    void hitsFetchOnlyTheFieldsTheyShow() throws Exception {
        var params = new LinkedMultiValueMap<String, String>();
        params.add("q", "乡村振兴");
        JsonNode body = json(service.request(SearchController.parse(params)));

        assertThat(texts(body.at("/_source/includes")))
                .containsExactlyInAnyOrder("title", "date", "source", "type", "issuingBody", "docNumber");
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

    @Test
    void duplicateCountsAreOneAggregationOverThePagesIds() throws Exception {
        JsonNode body = json(service.duplicateCountRequest(List.of("a1", "b2", "c3")));

        assertThat(body.path("size").asInt()).isZero();
        assertThat(body.path("track_total_hits").asBoolean(true)).isFalse();
        assertThat(texts(body.at("/query/terms/duplicateOf"))).containsExactly("a1", "b2", "c3");
        assertThat(body.at("/aggregations/duplicates/terms/field").asText()).isEqualTo("duplicateOf");
        assertThat(body.at("/aggregations/duplicates/terms/size").asInt()).isEqualTo(3);
    }
}
