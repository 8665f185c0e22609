package org.policysearch.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The judged queries of {@code src/test/resources/relevance/judged-queries.jsonl} (titles, topics, keywords, quoted
 * phrases, passages, questions, document numbers, Traditional), every third one with a facet filter on a value that
 * exists in the index, shuffled with a fixed seed: the same mix as {@code SearchLatencyBenchmarkIT}.
 */
public final class QueryMix {

    /**
     * One query: its kind, the text typed, its facet filter ({@code null} for none: {@code filter[0]} the parameter,
     * {@code filter[1]} the value), and the API query string.
     */
    public record Query(String kind, String q, String[] filter, String apiQuery) {}

    private QueryMix() {}

    public static List<Query> load(ElasticsearchClient client, String alias) throws IOException {
        List<String[]> filters = new ArrayList<>();
        topValues(client, alias, "type", 2).forEach(v -> filters.add(new String[] {"type", v}));
        topValues(client, alias, "year", 1).forEach(v -> filters.add(new String[] {"year", v}));
        topValues(client, alias, "regions", 1).forEach(v -> filters.add(new String[] {"region", v}));
        List<Query> mix = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                QueryMix.class.getResourceAsStream("/relevance/judged-queries.jsonl"), StandardCharsets.UTF_8))) {
            int i = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine(), i++) {
                JsonNode row = json.readTree(line);
                String q = row.get("query").asText();
                String kind = row.get("kind").asText();
                String api = "q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
                String[] f = null;
                if (i % 3 == 0 && !filters.isEmpty()) {
                    f = filters.get((i / 3) % filters.size());
                    api += "&" + f[0] + "=" + URLEncoder.encode(f[1], StandardCharsets.UTF_8);
                    kind += "+facet";
                }
                mix.add(new Query(kind, q, f, api));
            }
        }
        Collections.shuffle(mix, new Random(42));
        return mix;
    }

    /** How many queries of each kind (facet filters not counted apart). */
    public static Map<String, Integer> kinds(List<Query> mix) {
        Map<String, Integer> kinds = new LinkedHashMap<>();
        mix.forEach(m -> kinds.merge(m.kind().replace("+facet", ""), 1, Integer::sum));
        return kinds;
    }

    private static List<String> topValues(ElasticsearchClient client, String alias, String field, int n)
            throws IOException {
        var response = client.search(
                s -> s.index(alias)
                        .size(0)
                        .aggregations("v", a -> a.terms(t -> t.field(field).size(n))),
                Void.class);
        var agg = response.aggregations().get("v");
        List<String> out = new ArrayList<>();
        if (agg.isSterms()) {
            agg.sterms().buckets().array().forEach(b -> out.add(b.key().stringValue()));
        } else if (agg.isLterms()) {
            agg.lterms().buckets().array().forEach(b -> out.add(Long.toString(b.key())));
        }
        return out;
    }
}
