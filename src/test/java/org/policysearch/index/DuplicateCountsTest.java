package org.policysearch.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DuplicateCountsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theCountIsOneAggregationOverTheRepresentativesIds() throws Exception {
        JsonNode body = JSON.readTree(JsonpUtils.toJsonString(
                DuplicateCounts.countRequest("policy-docs-v4", List.of("a1", "b2", "c3")), new JacksonJsonpMapper()));

        assertThat(body.path("size").asInt()).isZero();
        assertThat(body.path("track_total_hits").asBoolean(true)).isFalse();
        List<String> terms = new ArrayList<>();
        body.at("/query/terms/duplicateOf").forEach(n -> terms.add(n.asText()));
        assertThat(terms).containsExactly("a1", "b2", "c3");
        assertThat(body.at("/aggregations/duplicates/terms/field").asText()).isEqualTo("duplicateOf");
        assertThat(body.at("/aggregations/duplicates/terms/size").asInt()).isEqualTo(3);
    }

    @Test
    void onlyCountsThatDifferAreWrittenAndNoneIsStoredAsNoField() {
        Map<String, DuplicateCounts.Stored> stored = new LinkedHashMap<>();
        stored.put("fresh", new DuplicateCounts.Stored(0, 1, null)); // written by the pipeline, now has copies
        stored.put("same", new DuplicateCounts.Stored(4, 1, 2));
        stored.put("alone", new DuplicateCounts.Stored(0, 1, null)); // no copies: nothing to write
        stored.put("reset", new DuplicateCounts.Stored(7, 1, 3)); // its copies were rebuilt elsewhere
        Map<String, Long> counted = new HashMap<>(Map.of("fresh", 2L, "same", 2L));

        Map<String, Integer> changes = DuplicateCounts.changes(stored, counted);

        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("fresh", 2);
        expected.put("reset", null);
        assertThat(changes).containsExactlyEntriesOf(expected);
    }
}
