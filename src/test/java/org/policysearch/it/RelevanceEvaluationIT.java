package org.policysearch.it;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.policysearch.index.IndexManager;
import org.policysearch.search.QueryParser;
import org.policysearch.search.QueryTemplate;
import org.policysearch.search.UserQuery;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Runs the judged query set ({@code src/test/resources/relevance/judged-queries.jsonl}, rules in the README beside
 * it) through every {@link QueryTemplate} over the ~4,300 corpus documents, prints nDCG@10, MRR@10 and Recall@100 per
 * template and per query kind, writes the same report to {@code docs/relevance-report.md}, and fails when the default
 * template falls below the pinned minimums.
 */
class RelevanceEvaluationIT extends AbstractServiceIT {

    // Pinned a little under what the default measured (see docs/relevance-report.md).
    static final double MIN_NDCG = 0.93;
    static final double MIN_MRR = 0.96;

    @Autowired
    ElasticsearchClient client;

    @Autowired
    IndexManager indexManager;

    record Judged(String query, String kind, Map<String, Integer> relevant) {}

    /**
     * @param millis Elasticsearch's {@code took}
     * @param matches documents the query lets in: what facet counting and scoring visit in the full request
     */
    record Scores(double ndcg, double mrr, double recall, double millis, double matches) {}

    @Test
    void everyTemplateIsMeasuredAndTheDefaultHoldsItsScores() throws IOException {
        Corpus.ensureIndexed(client, indexManager.alias());
        List<Judged> judged = judged();
        Map<QueryTemplate, Map<String, List<Scores>>> byKind = new EnumMap<>(QueryTemplate.class);
        for (QueryTemplate template : QueryTemplate.values()) {
            Map<String, List<Scores>> kinds = new LinkedHashMap<>();
            for (Judged j : judged) {
                kinds.computeIfAbsent(j.kind(), k -> new ArrayList<>()).add(score(template, j));
            }
            byKind.put(template, kinds);
        }
        String report = report(judged, byKind);
        System.out.println(report);
        Files.writeString(Path.of("docs/relevance-report.md"), report, StandardCharsets.UTF_8);

        Scores dflt = mean(all(byKind.get(QueryTemplate.DEFAULT)));
        assertThat(dflt.ndcg()).isGreaterThanOrEqualTo(MIN_NDCG);
        assertThat(dflt.mrr()).isGreaterThanOrEqualTo(MIN_MRR);
    }

    private Scores score(QueryTemplate template, Judged j) throws IOException {
        UserQuery parsed = QueryParser.parse(j.query());
        Query query = template.build(parsed);
        Query boosts = template.rescore(parsed);
        List<FieldValue> corpora = Corpus.NAMES.stream().map(FieldValue::of).toList();
        SearchResponse<Void> response = client.search(
                s -> {
                    s.index(indexManager.alias())
                            .query(q -> q.bool(b -> b.must(query)
                                    .filter(f -> f.terms(t -> t.field("source").terms(v -> v.value(corpora))))))
                            .size(100)
                            .source(src -> src.fetch(false))
                            // Counted as the search API counts them, so took prices visiting every match.
                            .trackTotalHits(t -> t.enabled(true));
                    if (boosts != null) {
                        s.rescore(
                                r -> r.windowSize(QueryTemplate.RESCORE_WINDOW).query(rq -> rq.query(boosts)));
                    }
                    return s;
                },
                Void.class);
        List<String> ids = response.hits().hits().stream().map(Hit::id).toList();
        return new Scores(
                ndcg(ids, j.relevant(), 10),
                mrr(ids, j.relevant(), 10),
                recall(ids, j.relevant()),
                response.took(),
                response.hits().total().value());
    }

    static double ndcg(List<String> ranked, Map<String, Integer> relevant, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            dcg += gain(relevant.getOrDefault(ranked.get(i), 0)) / log2(i + 2);
        }
        List<Integer> ideal = relevant.values().stream().sorted((a, b) -> b - a).toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.size()); i++) {
            idcg += gain(ideal.get(i)) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    static double mrr(List<String> ranked, Map<String, Integer> relevant, int k) {
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (relevant.getOrDefault(ranked.get(i), 0) > 0) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    static double recall(List<String> ranked, Map<String, Integer> relevant) {
        return (double) ranked.stream().filter(relevant::containsKey).count() / relevant.size();
    }

    private static double gain(int grade) {
        return Math.pow(2, grade) - 1;
    }

    private static double log2(int x) {
        return Math.log(x) / Math.log(2);
    }

    private static List<Scores> all(Map<String, List<Scores>> kinds) {
        return kinds.values().stream().flatMap(List::stream).toList();
    }

    private static Scores mean(List<Scores> scores) {
        return new Scores(
                scores.stream().mapToDouble(Scores::ndcg).average().orElse(0),
                scores.stream().mapToDouble(Scores::mrr).average().orElse(0),
                scores.stream().mapToDouble(Scores::recall).average().orElse(0),
                scores.stream().mapToDouble(Scores::millis).average().orElse(0),
                scores.stream().mapToDouble(Scores::matches).average().orElse(0));
    }

    private static String report(List<Judged> judged, Map<QueryTemplate, Map<String, List<Scores>>> byKind) {
        StringBuilder r = new StringBuilder();
        Map<String, Long> kindCounts = new LinkedHashMap<>();
        judged.forEach(j -> kindCounts.merge(j.kind(), 1L, Long::sum));
        r.append("# Relevance report\n\n")
                .append("Generated by `RelevanceEvaluationIT` (do not edit by hand): ")
                .append(judged.size())
                .append(" judged queries (`src/test/resources/relevance/judged-queries.jsonl`, rules in the README ")
                .append("beside it) over the ")
                .append(Corpus.NAMES)
                .append(" corpora. Default template: `")
                .append(QueryTemplate.DEFAULT)
                .append("`; baseline: `SMARTCN_TEXT`. Latency is Elasticsearch's `took` on the 2-core test machine, ")
                .append("top 100 with the total counted, no highlighting; matches is the mean number of documents ")
                .append("a query lets in (what scoring and facet counts visit).\n\nQueries per kind: ")
                .append(kindCounts)
                .append(
                        "\n\n## All queries\n\n| template | nDCG@10 | MRR@10 | Recall@100 | mean took ms | mean matches |\n|---|---|---|---|---|---|\n");
        byKind.forEach((template, kinds) -> {
            Scores m = mean(all(kinds));
            r.append(String.format(
                    "| %s%s | %.3f | %.3f | %.3f | %.1f | %.0f |%n",
                    template,
                    template == QueryTemplate.DEFAULT ? " (default)" : "",
                    m.ndcg(),
                    m.mrr(),
                    m.recall(),
                    m.millis(),
                    m.matches()));
        });
        for (String metric : List.of("nDCG@10", "MRR@10", "Recall@100", "mean took ms", "mean matches")) {
            r.append("\n## ").append(metric).append(" per query kind\n\n| template |");
            TreeSet<String> kinds = new TreeSet<>(kindCounts.keySet());
            kinds.forEach(k -> r.append(' ').append(k).append(" |"));
            r.append("\n|---|").append("---|".repeat(kinds.size())).append('\n');
            byKind.forEach((template, perKind) -> {
                r.append("| ").append(template).append(" |");
                for (String k : kinds) {
                    Scores m = mean(perKind.get(k));
                    double v = switch (metric) {
                        case "nDCG@10" -> m.ndcg();
                        case "MRR@10" -> m.mrr();
                        case "Recall@100" -> m.recall();
                        case "mean took ms" -> m.millis();
                        default -> m.matches();
                    };
                    r.append(String.format(metric.startsWith("mean") ? " %.1f |" : " %.3f |", v));
                }
                r.append('\n');
            });
        }
        return r.toString();
    }

    private static List<Judged> judged() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Judged> out = new ArrayList<>();
        try (InputStream in = RelevanceEvaluationIT.class.getResourceAsStream("/relevance/judged-queries.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode row = json.readTree(line);
                Map<String, Integer> relevant = new LinkedHashMap<>();
                row.get("relevant")
                        .fields()
                        .forEachRemaining(
                                e -> relevant.put(e.getKey(), e.getValue().asInt()));
                out.add(new Judged(row.get("query").asText(), row.get("kind").asText(), relevant));
            }
        }
        return out;
    }
}
