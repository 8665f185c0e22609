package org.policysearch.it;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policysearch.index.IndexManager;
import org.policysearch.index.PolicyDocument;
import org.policysearch.index.TestDocument;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.RequestEntity;

/**
 * Facet counts of {@code GET /api/search} and {@code GET /api/facets/{facet}} against counts computed by brute force
 * over ~300 generated documents (plus whatever else is in the test alias), for many random selections.
 */
class FacetCountsIT extends AbstractServiceIT {

    private static final int DOCS = 300;
    private static final List<String> TYPES = List.of("通知", "意见", "讲话", "报告", "办法", "决定", "条例");
    private static final List<String> SOURCES = List.of("gov.cn", "12371.cn", "province", "upload");
    private static final List<String> REGIONS = IntStream.range(0, 16)
            .mapToObj(
                    i -> List.of("北京", "上海", "重庆", "广东", "浙江", "江苏", "四川", "湖北").get(i % 8) + (i < 8 ? "" : "市辖区" + i))
            .toList();
    private static final List<String> TOPICS = IntStream.range(0, 25)
            .mapToObj(i -> List.of("乡村振兴", "党建", "生态", "教育", "医疗").get(i % 5) + (i < 5 ? "" : "·" + i))
            .toList();
    /** Values full of regular-expression operators, to prove the value search takes them literally. */
    private static final List<String> BODIES = List.of(
            "国务院",
            "国务院办公厅",
            "国务院(办公厅)",
            "中共中央组织部",
            "财政部",
            "A.B+C*",
            "省委~组织部",
            "市@人社局",
            "财政部<1-9>",
            "发改委[试行]",
            "教育部|科技部",
            "人大常委会{2}",
            "审计署&监察部",
            "民政部#1",
            "卫健委\"联合\"",
            "公安部\\交管局",
            "住建部?",
            "商务部^$",
            "交通运输部",
            "水利部");

    private static List<Doc> universe;

    @Autowired
    ElasticsearchClient client;

    @Autowired
    IndexManager indexManager;

    @Autowired
    TestRestTemplate rest;

    /** The facet-relevant part of a document. */
    record Doc(
            String id,
            String date,
            Integer year,
            String source,
            String type,
            String issuingBody,
            List<String> regions,
            List<String> topics,
            String duplicateOf) {

        List<String> values(String facet) {
            return switch (facet) {
                case "year" -> year == null ? List.of() : List.of(year.toString());
                case "type" -> type == null ? List.of() : List.of(type);
                case "source" -> source == null ? List.of() : List.of(source);
                case "issuingBody" -> issuingBody == null ? List.of() : List.of(issuingBody);
                case "region" -> regions;
                case "topic" -> topics;
                default -> throw new IllegalArgumentException(facet);
            };
        }
    }

    private static final List<String> FACETS = List.of("year", "type", "source", "region", "topic", "issuingBody");
    private static final Map<String, Integer> DEFAULT_SIZES =
            Map.of("year", Integer.MAX_VALUE, "type", 20, "source", 10, "region", 10, "topic", 20, "issuingBody", 10);

    @BeforeEach
    void indexOnce() throws IOException {
        if (universe != null) {
            return;
        }
        Random random = new Random(7);
        List<Doc> generated = new ArrayList<>();
        for (int i = 0; i < DOCS; i++) {
            Integer year = random.nextInt(12) == 0 ? null : 2012 + random.nextInt(13);
            String date = year == null
                    ? null
                    : LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28))
                            .toString();
            String duplicateOf = i > 10 && random.nextInt(10) == 0 ? "facet-" + random.nextInt(10) : null;
            generated.add(new Doc(
                    "facet-" + i,
                    date,
                    year,
                    random.nextInt(10) == 0 ? null : SOURCES.get(random.nextInt(SOURCES.size())),
                    random.nextInt(10) == 0 ? null : skewed(random, TYPES),
                    random.nextInt(10) == 0 ? null : skewed(random, BODIES),
                    pick(random, REGIONS, random.nextInt(4)),
                    pick(random, TOPICS, random.nextInt(4)),
                    duplicateOf));
        }
        BulkRequest.Builder bulk =
                new BulkRequest.Builder().refresh(co.elastic.clients.elasticsearch._types.Refresh.True);
        for (Doc d : generated) {
            PolicyDocument document = TestDocument.builder(d.id())
                    .title("Facet fixture " + d.id())
                    .text("facet fixture text")
                    .date(d.date())
                    .year(d.year())
                    .source(d.source())
                    .issuingBody(d.issuingBody())
                    .type(d.type())
                    .regions(d.regions())
                    .topics(d.topics())
                    .duplicateOf(d.duplicateOf())
                    .build();
            bulk.operations(
                    o -> o.index(x -> x.index(indexManager.alias()).id(d.id()).document(document)));
        }
        assertThat(client.bulk(bulk.build()).errors()).isFalse();
        // Everything in the alias counts, including other tests' documents: read back as stored (not as counted).
        var all = client.search(
                s -> s.index(indexManager.alias()).size(10_000).query(q -> q.matchAll(m -> m)), PolicyDocument.class);
        List<Doc> docs = new ArrayList<>();
        for (Hit<PolicyDocument> hit : all.hits().hits()) {
            PolicyDocument p = hit.source();
            docs.add(new Doc(
                    hit.id(),
                    p.date(),
                    p.year(),
                    p.source(),
                    p.type(),
                    p.issuingBody(),
                    p.regions(),
                    p.topics(),
                    p.duplicateOf()));
        }
        assertThat(docs.stream().map(Doc::id))
                .containsAll(generated.stream().map(Doc::id).toList());
        universe = docs;
    }

    @Test
    void searchFacetCountsMatchBruteForceForRandomSelections() {
        Random random = new Random(11);
        for (int round = 0; round < 80; round++) {
            Selection selection = randomSelection(random);
            JsonNode body = get("/api/search", selection, Map.of("size", "1"));
            List<Doc> base = universe.stream().filter(selection::base).toList();
            assertThat(body.get("total").asLong())
                    .as("total for %s", selection)
                    .isEqualTo(base.stream()
                            .filter(d -> selection.matches(d, null))
                            .count());
            for (String facet : FACETS) {
                List<JsonNode> returned = list(body.get("facets").get(facet));
                Map<String, Long> counts = counts(base, selection, facet, v -> true);
                String what = facet + " for " + selection;
                for (JsonNode v : returned) {
                    String value = v.get("value").asText();
                    assertThat(v.get("count").asLong())
                            .as(what + " " + value)
                            .isEqualTo(counts.getOrDefault(value, 0L));
                    assertThat(v.get("selected").asBoolean())
                            .as(what + " " + value)
                            .isEqualTo(selection.selected(facet, value));
                }
                List<String> values =
                        returned.stream().map(v -> v.get("value").asText()).toList();
                if (facet.equals("year")) {
                    // Every year with documents, plus selected years, in year order.
                    TreeMap<Integer, Long> expected = new TreeMap<>();
                    counts.forEach((y, c) -> expected.put(Integer.parseInt(y), c));
                    selection.values(facet).forEach(y -> expected.putIfAbsent(Integer.parseInt(y), 0L));
                    assertThat(values)
                            .as(what)
                            .containsExactlyElementsOf(expected.keySet().stream()
                                    .map(String::valueOf)
                                    .toList());
                } else {
                    List<String> top = top(counts, DEFAULT_SIZES.get(facet));
                    assertThat(values.subList(0, top.size())).as(what).containsExactlyElementsOf(top);
                    List<String> added = values.subList(top.size(), values.size());
                    assertThat(added)
                            .as(what + ": only selected values outside the top are added")
                            .allMatch(v -> selection.selected(facet, v) && !top.contains(v));
                    assertThat(values).as(what).containsAll(selection.values(facet));
                }
            }
        }
    }

    @Test
    void facetValueSearchMatchesBruteForceWithLiteralFilters() {
        Random random = new Random(13);
        List<String> searchable = List.of("type", "source", "region", "topic", "issuingBody");
        for (int round = 0; round < 60; round++) {
            String facet = searchable.get(random.nextInt(searchable.size()));
            Selection selection = randomSelection(random);
            List<String> pool = universe.stream()
                    .flatMap(d -> d.values(facet).stream())
                    .distinct()
                    .sorted()
                    .toList();
            String source = pool.get(random.nextInt(pool.size()));
            int from = random.nextInt(source.length());
            String filter = random.nextInt(8) == 0
                    ? ""
                    : source.substring(from, from + 1 + random.nextInt(source.length() - from));
            int size = 1 + random.nextInt(random.nextBoolean() ? 5 : 200);
            Map<String, String> extra = new HashMap<>(Map.of("size", String.valueOf(size)));
            if (!filter.isEmpty()) {
                extra.put("prefix", filter);
            }
            JsonNode body = get("/api/facets/" + facet, selection, extra);
            assertThat(body.get("facet").asText()).isEqualTo(facet);
            List<String> forms =
                    List.of(filter, ZhConverterUtil.toSimple(filter), ZhConverterUtil.toTraditional(filter));
            Map<String, Long> all =
                    counts(universe.stream().filter(selection::base).toList(), selection, facet, v -> true);
            Map<String, Long> counts = counts(
                    universe.stream().filter(selection::base).toList(),
                    selection,
                    facet,
                    v -> forms.stream().anyMatch(v::contains));
            List<JsonNode> returned = list(body.get("values"));
            List<String> values =
                    returned.stream().map(v -> v.get("value").asText()).toList();
            List<String> top = top(counts, size);
            String what = facet + " containing '" + filter + "' size " + size + " for " + selection;
            assertThat(values.subList(0, top.size())).as(what).containsExactlyElementsOf(top);
            assertThat(values.subList(top.size(), values.size())).as(what).allMatch(v -> selection.selected(facet, v));
            for (JsonNode v : returned) {
                assertThat(v.get("count").asLong())
                        .as(what)
                        .isEqualTo(all.getOrDefault(v.get("value").asText(), 0L));
            }
        }
    }

    @Test
    void facetEndpointRejectsUnknownFacetsAndOversizedRequests() {
        assertThat(rest.getForEntity("/api/facets/year", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(rest.getForEntity("/api/facets/nope", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(rest.getForEntity("/api/facets/topic?size=201", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        String tooMany = IntStream.range(0, 51).mapToObj(i -> "topic=t" + i).collect(Collectors.joining("&"));
        assertThat(rest.getForEntity("/api/search?" + tooMany, String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
    }

    /** Brute-force counts of a facet's values under every selection but its own. */
    private static Map<String, Long> counts(List<Doc> base, Selection selection, String facet, Predicate<String> keep) {
        Map<String, Long> counts = new HashMap<>();
        base.stream()
                .filter(d -> selection.matches(d, facet))
                .forEach(d ->
                        d.values(facet).stream().distinct().filter(keep).forEach(v -> counts.merge(v, 1L, Long::sum)));
        return counts;
    }

    /** Elasticsearch's terms order: count descending, then value ascending. */
    private static List<String> top(Map<String, Long> counts, int size) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(size)
                .map(Map.Entry::getKey)
                .toList();
    }

    record Selection(Map<String, List<String>> filters, String from, String to, boolean includeDuplicates) {

        List<String> values(String facet) {
            return filters.getOrDefault(facet, List.of());
        }

        boolean selected(String facet, String value) {
            return values(facet).contains(value);
        }

        /** The non-facet filters: duplicates and dates. */
        boolean base(Doc d) {
            if (!includeDuplicates && d.duplicateOf() != null) {
                return false;
            }
            if (from != null && (d.date() == null || d.date().compareTo(from) < 0)) {
                return false;
            }
            return to == null || (d.date() != null && d.date().compareTo(to) <= 0);
        }

        /** Every facet selection except {@code except}: OR within a facet, AND across. */
        boolean matches(Doc d, String except) {
            return filters.entrySet().stream()
                    .filter(e -> !e.getKey().equals(except))
                    .allMatch(e -> d.values(e.getKey()).stream().anyMatch(e.getValue()::contains));
        }
    }

    private Selection randomSelection(Random random) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String facet : FACETS) {
            if (random.nextInt(3) == 0) {
                List<String> pool = new ArrayList<>(universe.stream()
                        .flatMap(d -> d.values(facet).stream())
                        .distinct()
                        .sorted()
                        .toList());
                pool.add(facet.equals("year") ? "1990" : "无此值");
                filters.put(facet, pick(random, pool, 1 + random.nextInt(3)));
            }
        }
        String from = random.nextInt(4) == 0 ? (2014 + random.nextInt(5)) + "-06-01" : null;
        String to = random.nextInt(4) == 0 ? (2018 + random.nextInt(5)) + "-03-15" : null;
        if (from != null && to != null && from.compareTo(to) > 0) { // a reversed range is refused (400)
            String earlier = to;
            to = from;
            from = earlier;
        }
        return new Selection(filters, from, to, random.nextInt(5) == 0);
    }

    private JsonNode get(String path, Selection selection, Map<String, String> extra) {
        List<String> params = new ArrayList<>();
        selection.filters().forEach((facet, values) -> values.forEach(v -> params.add(param(facet, v))));
        if (selection.from() != null) {
            params.add(param("from", selection.from()));
        }
        if (selection.to() != null) {
            params.add(param("to", selection.to()));
        }
        if (selection.includeDuplicates()) {
            params.add(param("includeDuplicates", "true"));
        }
        extra.forEach((k, v) -> params.add(param(k, v)));
        URI target = URI.create(rest.getRootUri() + path + "?" + String.join("&", params));
        // Hundreds of requests back to back: a machine client, so it sends the key for the higher rate budget.
        var response = rest.exchange(
                RequestEntity.get(target).header("X-API-Key", API_KEY).build(), JsonNode.class);
        assertThat(response.getStatusCode().value())
                .as("%s -> %s", target, response.getBody())
                .isEqualTo(200);
        return response.getBody();
    }

    private static String param(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static <T> List<T> pick(Random random, List<T> pool, int n) {
        List<T> copy = new ArrayList<>(pool);
        java.util.Collections.shuffle(copy, random);
        return List.copyOf(copy.subList(0, Math.min(n, copy.size())));
    }

    /** Some values much more frequent than others, so top-N cuts and ties both happen. */
    private static <T> T skewed(Random random, List<T> pool) {
        int i = (int) Math.floor(pool.size() * Math.pow(random.nextDouble(), 2));
        return pool.get(i);
    }
}
