package org.policysearch.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.json.JsonpUtils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.policysearch.SharedData;
import org.policysearch.bench.BulkErrors;
import org.policysearch.bench.IndexDocuments;
import org.policysearch.bench.Machine;
import org.policysearch.bench.QueryMix;
import org.policysearch.index.BatchStore;
import org.policysearch.index.IndexManager;
import org.policysearch.index.PolicyDocument;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Search latency benchmark (not a test: nothing timed is asserted). The full API request ({@code GET /api/search}:
 * query, highlights, facets, duplicate counts) against the same Elasticsearch search sent directly (the request body
 * {@link SearchService#request} builds, over the low-level REST client), at 1 and 8 concurrent clients, on an index of
 * at least 50,000 documents built from the shared corpus once and kept in its own data directory (see
 * {@link #ensureIndex}). Open model: each client sends on a fixed schedule and latency runs from the intended send
 * time (no coordinated omission), into HdrHistogram. The paths take turns (A/B/A/B). The API sends one search per
 * request (the duplicate counts are in the hits' {@code _source}, ADR 0010), so api minus direct is the service's
 * own code. Writes {@code
 * docs/benchmarks/search-latency.md}.
 *
 * <p>{@code flock /tmp/bench.lock mvn -B -q -Des-plugin.skip=true verify -Dit.test=SearchLatencyBenchmarkIT
 * -Dbench=true -DskipCorpusITs=true -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "policy.data-dir=${bench.data-dir:target/bench-data-latency}",
            "policy.ingest.load-samples=false",
            "policy.elasticsearch.managed.heap=1g",
            "policy.index.alias=bench-latency",
            "API_KEY=bench-secret"
        })
class SearchLatencyBenchmarkIT {

    /** The index holds at least this many documents: the corpus sample and copies of it. */
    private static final int DOCS = Integer.getInteger("bench.docs", 50_000);
    /** Every n-th file of each corpus goes through the pipeline; the copies fill the index up to {@code DOCS}. */
    private static final int SAMPLE = Integer.getInteger("bench.sample", 4);
    /** At most this long per run adding copies; a later run resumes where it stopped. */
    private static final long BUILD_MINUTES = Long.getLong("bench.build-minutes", 600);

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 2);
    /** Passes of the whole mix through each path before anything is measured. */
    private static final int WARMUP = Integer.getInteger("bench.warmup", 30);

    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    /** Requests per second per client; the 8-client load is 8 times this. */
    private static final double RATE_1 = Double.parseDouble(System.getProperty("bench.rate1", "10"));

    private static final double RATE_8 = Double.parseDouble(System.getProperty("bench.rate8", "2.5"));

    @LocalServerPort
    int port;

    @Autowired
    ElasticsearchClient client;

    @Autowired
    RestClient restClient;

    @Autowired
    IndexManager indexManager;

    @Autowired
    BatchStore batchStore;

    @Autowired
    SearchService searchService;

    /** The benchmark's client of the service's API; RestClient answers a non-2xx status with an exception. */
    private RestClient serviceClient;

    private synchronized RestClient serviceClient() {
        if (serviceClient == null) {
            // Every client is one address here: the key's budget (10 x) keeps the rate limit out of the way.
            serviceClient = RestClient.builder(new org.apache.http.HttpHost("localhost", port, "http"))
                    .setDefaultHeaders(new org.apache.http.Header[] {
                        new org.apache.http.message.BasicHeader("X-API-Key", "bench-secret")
                    })
                    .build();
        }
        return serviceClient;
    }

    @org.junit.jupiter.api.AfterEach
    void closeServiceClient() throws IOException {
        if (serviceClient != null) {
            serviceClient.close();
        }
    }

    @org.springframework.beans.factory.annotation.Value("${policy.data-dir}")
    String dataDir;

    /** One request of the mix: the API query string and the same parameters as the service parses them. */
    record Mixed(String kind, String apiQuery, String body) {}

    /** @param busy the whole machine's CPU use during the phase (every process, other engineers' included) */
    record Phase(
            String mode,
            int clients,
            int round,
            Histogram histogram,
            int errors,
            double rate,
            double busy,
            Histogram took,
            Map<String, Histogram> byKind) {}

    @Test
    void searchLatency() throws Exception {
        long docs = ensureIndex();
        List<Mixed> mix = mix();
        // Warm-up: the whole mix WARMUP times through each path, so that both are measured with their code compiled,
        // as a long-running service is. One pass (145 requests) left the JIT compiling the service's request path
        // (Tomcat, Spring, the Elasticsearch client, Jackson) during the measured phases: its C2 threads still took
        // 2.4 CPU-ms per request after 2,000 requests, 1 ms after 4,000, on the same two cores as everything else.
        for (int pass = 0; pass < WARMUP; pass++) {
            runPhase("api", 1, mix, pass, 200, 0);
            runPhase("direct", 1, mix, pass, 200, 0);
        }
        String profile = profile(mix);
        List<Phase> phases = new ArrayList<>();
        for (int clients : List.of(1, 8)) {
            double rate = clients == 1 ? RATE_1 : RATE_8;
            for (int round = 1; round <= ROUNDS; round++) {
                for (String mode : List.of("api", "direct")) {
                    Phase p = runPhase(mode, clients, mix, round, rate, SECONDS);
                    phases.add(p);
                    System.out.printf(
                            "%s x%d round %d: p50 %.1f p95 %.1f p99 %.1f ms (%d requests, %d errors, machine %.0f%%)%n",
                            mode,
                            clients,
                            round,
                            ms(p, 50),
                            ms(p, 95),
                            ms(p, 99),
                            p.histogram().getTotalCount(),
                            p.errors(),
                            100 * p.busy());
                }
            }
        }
        writeReport(docs, mix, phases, profile);
    }

    /**
     * Each query of the mix once with {@code profile=true}, one at a time: Elasticsearch's own split of its time
     * between matching and scoring (query), collecting, the facet aggregations and the fetch phase (source,
     * highlighting), summed over the mix and per query kind.
     */
    private String profile(List<Mixed> mix) throws IOException {
        Map<String, double[]> byKind = new java.util.TreeMap<>();
        double[] total = new double[4];
        for (Mixed m : mix) {
            Request request = new Request("POST", "/" + indexManager.alias() + "/_search");
            request.setJsonEntity(((com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(m.body()))
                    .put("profile", true)
                    .toString());
            JsonNode shard = JSON.readTree(EntityUtils.toString(
                            restClient.performRequest(request).getEntity()))
                    .path("profile")
                    .path("shards")
                    .path(0);
            double[] ms = new double[4];
            JsonNode search = shard.path("searches").path(0);
            search.path("query").forEach(q -> ms[0] += q.path("time_in_nanos").asLong() / 1e6);
            search.path("collector")
                    .forEach(c -> ms[1] += c.path("time_in_nanos").asLong() / 1e6);
            shard.path("aggregations")
                    .forEach(a -> ms[2] += a.path("time_in_nanos").asLong() / 1e6);
            ms[3] = shard.path("fetch").path("time_in_nanos").asLong() / 1e6;
            double[] k = byKind.computeIfAbsent(m.kind().replace("+facet", ""), x -> new double[5]);
            for (int i = 0; i < 4; i++) {
                k[i] += ms[i];
                total[i] += ms[i];
            }
            k[4]++;
        }
        StringBuilder md = new StringBuilder("| kind | queries | query ms | collect ms | aggregations ms | fetch"
                + " (source, highlight) ms |\n|---|---|---|---|---|---|\n");
        byKind.forEach((kind, k) -> md.append(String.format(
                "| %s | %d | %.1f | %.1f | %.1f | %.1f |%n",
                kind, (int) k[4], k[0] / k[4], k[1] / k[4], k[2] / k[4], k[3] / k[4])));
        md.append(String.format(
                "| **all (mean)** | %d | %.1f | %.1f | %.1f | %.1f |%n",
                mix.size(),
                total[0] / mix.size(),
                total[1] / mix.size(),
                total[2] / mix.size(),
                total[3] / mix.size()));
        return md.toString();
    }

    /**
     * The benchmark index behind its own alias, reused when it holds at least {@code DOCS} documents and was built
     * with the current mapping version; otherwise built: every {@code SAMPLE}-th file of {@code ../shared/corpus}
     * through the service's batch path ({@code POST /api/batches}: extraction, cleaning, metadata, dedup), then
     * copies of the documents it produced, with new ids and light variation, bulk-indexed until {@code DOCS}.
     */
    private long ensureIndex() throws Exception {
        String alias = indexManager.alias();
        client.indices().refresh(r -> r.index(alias));
        long have = client.count(c -> c.index(alias)).count();
        boolean current = builtVersion() == currentVersion();
        if (have >= DOCS && current) {
            System.out.printf("Reusing %d documents behind %s%n", have, alias);
            // Merged when the build finished; again in case that run stopped during the merge (then it is slow).
            indexManager.forceMergeRebuilt(alias);
            return have;
        }
        String session;
        if (!current || have == 0) {
            String fresh = indexManager.rebuildTarget();
            java.util.Set<String> old = indexManager.indicesBehindAlias();
            indexManager.create(fresh, false);
            indexManager.swapAlias(fresh);
            for (String index : old) {
                client.indices().delete(d -> d.index(index));
            }
            // The old index's count no longer says how far this build got.
            have = 0;
            long start = System.nanoTime();
            ingestCorpus();
            session = String.format(
                    "the batch path ingested the sample in %d s", (System.nanoTime() - start) / 1_000_000_000);
            Files.writeString(buildNote(), "");
        } else {
            session = "resumed at " + have + " documents";
        }
        List<PolicyDocument> originals = IndexDocuments.readAll(client, alias);
        long copies = copyUntil(originals, Math.max(0, have - originals.size()));
        client.indices().refresh(r -> r.index(alias));
        long now = client.count(c -> c.index(alias)).count();
        if (now >= DOCS) {
            // Finished: merged as the service merges a finished rebuild (IndexManager.forceMergeRebuilt).
            long start = System.nanoTime();
            indexManager.forceMergeRebuilt(alias);
            session += String.format("; force-merged in %d s", (System.nanoTime() - start) / 1_000_000_000);
        }
        String note = String.format(
                "%s; %d copies added by raw bulk; %d documents (%s)%n",
                session, copies, now, LocalDateTime.now().withNano(0));
        Files.writeString(
                buildNote(), note, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        System.out.print(note);
        return now;
    }

    /**
     * Adds copies of {@code originals} (copy 1 of every original, then copy 2, …) until the index holds {@code DOCS},
     * skipping the first {@code done} (a build that was stopped resumes; ids are deterministic, so a copy written
     * twice is written once), and stopping after {@code BUILD_MINUTES} (the build can be spread over several runs,
     * so it does not hold the shared benchmark lock for an hour). Returns how many copies it sent.
     */
    private long copyUntil(List<PolicyDocument> originals, long done) throws IOException {
        String alias = indexManager.alias();
        // Bulk load settings: no refresh and async translog while copying, the service's values after.
        setLoading(alias, true);
        BulkErrors listener = new BulkErrors();
        long deadline = System.nanoTime() + BUILD_MINUTES * 60_000_000_000L;
        long sent = 0;
        try (BulkIngester<Void> ingester = batchStore.ingester(listener)) {
            long position = 0;
            for (int copy = 1; originals.size() + position < DOCS && System.nanoTime() < deadline; copy++) {
                for (PolicyDocument d : originals) {
                    if (position++ >= done && System.nanoTime() < deadline) {
                        ingester.add(batchStore.indexOperation(variant(d, copy)));
                        sent++;
                    }
                }
            }
        }
        setLoading(alias, false);
        assertThat(listener.count()).isZero();
        return sent;
    }

    private void setLoading(String alias, boolean loading) throws IOException {
        client.indices()
                .putSettings(s -> s.index(alias)
                        .settings(i -> i.refreshInterval(t -> t.time(loading ? "-1" : "1s"))
                                .translog(t -> t.durability(
                                        loading
                                                ? co.elastic.clients.elasticsearch.indices.TranslogDurability.Async
                                                : co.elastic.clients.elasticsearch.indices.TranslogDurability
                                                        .Request))));
    }

    /** Where the build records how it was made, so a later run that reuses the index can report it. */
    private Path buildNote() {
        return Path.of(dataDir, "bench-latency-build.txt");
    }

    private int currentVersion() throws IOException {
        try (var in = getClass().getResourceAsStream("/elasticsearch/policy-docs.json")) {
            return new ObjectMapper().readTree(in).at("/mappings/_meta/version").asInt();
        }
    }

    private int builtVersion() throws IOException {
        var mappings =
                client.indices().getMapping(g -> g.index(indexManager.alias())).result();
        return mappings.values().stream()
                .map(m ->
                        m.mappings().meta() == null ? null : m.mappings().meta().get("version"))
                .filter(v -> v != null)
                .mapToInt(v -> v.to(Integer.class))
                .findFirst()
                .orElse(-1);
    }

    /** Every {@code SAMPLE}-th corpus file (laws and news as text, party-building pages as raw HTML) by the API. */
    private void ingestCorpus() throws Exception {
        Path corpus = SharedData.require("corpus");
        Path input = Path.of(dataDir, "bench-latency-input").toAbsolutePath();
        FileSystemUtils.deleteRecursively(input);
        Map<String, Path> sources = Map.of(
                "laws", corpus.resolve("laws_lawrefbook/docs"),
                "news", corpus.resolve("xinwen_lianbo_cctv/docs"),
                "party", corpus.resolve("party_building_school_site/raw_html"));
        for (var e : sources.entrySet()) {
            Path dir = Files.createDirectories(input.resolve(e.getKey()));
            try (Stream<Path> files = Files.list(e.getValue())) {
                List<Path> sorted = files.sorted().toList();
                for (int i = 0; i < sorted.size(); i += SAMPLE) {
                    Files.createSymbolicLink(dir.resolve(sorted.get(i).getFileName()), sorted.get(i));
                }
            }
        }
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        HttpResponse<String> started = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/batches"))
                        .header("X-API-Key", "bench-secret")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.createObjectNode()
                                .put("directory", input.toString())
                                .toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).isEqualTo(202);
        String id = json.readTree(started.body()).path("id").asText();
        JsonNode status;
        do {
            Thread.sleep(2000);
            status = json.readTree(http.send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/batches/" + id))
                                    .header("X-API-Key", "bench-secret")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
        } while (status.path("state").asText().equals("RUNNING"));
        assertThat(status.path("state").asText()).isEqualTo("DONE");
        System.out.println("Batch: " + status.path("counts"));
        client.indices().refresh(r -> r.index(indexManager.alias()));
    }

    /**
     * Copy {@code n} of a document: a new id, one paragraph left out (the n-th, so copies differ in text and
     * length) and the date moved back {@code n % 5} years, so facets and date sorts see more than one value.
     */
    private static PolicyDocument variant(PolicyDocument d, int n) {
        String text = d.text();
        if (text != null) {
            List<String> paragraphs = new ArrayList<>(List.of(text.split("\n", -1)));
            if (paragraphs.size() > 2) {
                paragraphs.remove(1 + n % (paragraphs.size() - 1));
            }
            text = String.join("\n", paragraphs);
        }
        int back = n % 5;
        String date = d.date() == null || back == 0
                ? d.date()
                : String.format(
                        "%04d%s",
                        Integer.parseInt(d.date().substring(0, 4)) - back,
                        d.date().substring(4));
        Integer year = d.year() == null ? null : d.year() - back;
        return new PolicyDocument(
                d.id() + "-c" + n,
                d.title(),
                text,
                date,
                year,
                d.source(),
                d.sourceUrl(),
                d.author(),
                d.issuingBody(),
                d.docNumber(),
                d.type(),
                d.regions(),
                d.topics(),
                d.keywords(),
                d.script(),
                d.flags(),
                d.duplicateOf(),
                null,
                d.contentType(),
                d.charset(),
                d.rulesFired(),
                d.provenance(),
                d.ingestedAt(),
                d.fileName(),
                d.size(),
                d.sha256(),
                d.exactHash(),
                d.minhash(),
                d.lshBands());
    }

    /**
     * The judged queries (titles, topics, two-character keywords, quoted phrases, passages, questions, document
     * numbers, Traditional), every third one with a facet filter, shuffled with a fixed seed.
     */
    private List<Mixed> mix() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Mixed> mix = new ArrayList<>();
        for (QueryMix.Query query : QueryMix.load(client, indexManager.alias())) {
            MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
            params.add("q", query.q());
            if (query.filter() != null) {
                params.add(query.filter()[0], query.filter()[1]);
            }
            String body = JsonpUtils.toJsonString(
                    searchService.request(SearchController.parse(params)), client._jsonpMapper());
            mix.add(new Mixed(query.kind(), query.apiQuery(), body));
        }
        // The bodies as sent, one per line, for profiling a query by hand (_search?profile=true).
        Files.write(
                Path.of(dataDir, "bench-latency-mix.jsonl"),
                mix.stream()
                        .map(m -> json.createObjectNode()
                                .put("kind", m.kind())
                                .put("query", m.apiQuery())
                                .put("body", m.body())
                                .toString())
                        .toList());
        return mix;
    }

    /**
     * One phase: {@code clients} threads, each sending at {@code rate} per second on its own fixed schedule (offset
     * so the clients interleave); a late request is sent at once and its latency still counts from when it should
     * have been sent. {@code seconds} 0 sends the whole mix once per client (warm-up).
     */
    private Phase runPhase(String mode, int clients, List<Mixed> mix, int round, double rate, int seconds)
            throws InterruptedException {
        Histogram histogram = new Histogram(60_000_000L, 3);
        // Elasticsearch's own "took" (ms) as each answer reports it, and latency per query kind.
        Histogram took = new Histogram(60_000L, 3);
        Map<String, Histogram> byKind = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicInteger errors = new AtomicInteger();
        long intervalNanos = (long) (1e9 / rate);
        int perClient = seconds == 0 ? mix.size() : (int) (seconds * rate);
        long start = System.nanoTime() + 50_000_000L;
        long[] jiffies = Machine.machineJiffies();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                long offset = intervalNanos * client / clients;
                for (int i = 0; i < perClient; i++) {
                    Mixed m = mix.get((client * 37 + round * 11 + i) % mix.size());
                    long intended = start + offset + i * intervalNanos;
                    long wait;
                    while ((wait = intended - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    long tookMillis = -1;
                    try {
                        tookMillis = send(mode, m);
                    } catch (IOException | RuntimeException e) {
                        errors.incrementAndGet();
                    }
                    long micros = (System.nanoTime() - intended) / 1000;
                    synchronized (histogram) {
                        histogram.recordValue(Math.min(micros, histogram.getHighestTrackableValue()));
                        if (tookMillis >= 0) {
                            took.recordValue(Math.min(tookMillis, took.getHighestTrackableValue()));
                        }
                        byKind.computeIfAbsent(m.kind().replace("+facet", ""), k -> new Histogram(60_000_000L, 3))
                                .recordValue(Math.min(micros, histogram.getHighestTrackableValue()));
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long[] after = Machine.machineJiffies();
        double busy = after[1] == jiffies[1] ? 0 : (after[0] - jiffies[0]) / (double) (after[1] - jiffies[1]);
        return new Phase(mode, clients, round, histogram, errors.get(), rate * clients, busy, took, byKind);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final java.util.regex.Pattern TOOK = java.util.regex.Pattern.compile("\"took\":(\\d+)");

    /** Sends one request and returns the "took" the answer reports (the service passes Elasticsearch's on). */
    private long send(String mode, Mixed m) throws IOException {
        String body;
        if (mode.equals("api")) {
            // The same HTTP client stack as the direct path (Apache async under RestClient, pooled keep-alive
            // connections), so api minus direct is the service alone, not a difference between client libraries.
            body = EntityUtils.toString(serviceClient()
                    .performRequest(new Request("GET", "/api/search?" + m.apiQuery()))
                    .getEntity());
        } else {
            // What the Java client sends: the same body, with typed_keys for the aggregation parsing.
            Request request = new Request("POST", "/" + indexManager.alias() + "/_search");
            request.addParameter("typed_keys", "true");
            request.setJsonEntity(m.body());
            body = EntityUtils.toString(restClient.performRequest(request).getEntity());
        }
        var took = TOOK.matcher(body);
        return took.find() ? Long.parseLong(took.group(1)) : -1;
    }

    private static double diff(Histogram a, Histogram b, double percentile) {
        return (a.getValueAtPercentile(percentile) - b.getValueAtPercentile(percentile)) / 1000.0;
    }

    private static double ms(Phase p, double percentile) {
        return p.histogram().getValueAtPercentile(percentile) / 1000.0;
    }

    private void writeReport(long docs, List<Mixed> mix, List<Phase> phases, String profile) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Search latency\n\nGenerated by `SearchLatencyBenchmarkIT` on ")
                .append(LocalDateTime.now().withNano(0))
                .append(
                        ". Command (the first run builds the index into the data directory, later runs reuse it):\n\n```\n")
                .append(
                        "flock /tmp/bench.lock mvn -B -q -Des-plugin.skip=true verify -Dit.test=SearchLatencyBenchmarkIT")
                .append(" -Dbench=true -Dbench.seconds=")
                .append(SECONDS)
                .append(" -Dbench.rounds=")
                .append(ROUNDS)
                .append(" -DskipCorpusITs=true -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false\n```\n\n");
        md.append("## Machine\n\n").append(Machine.describe(client)).append("\n\n");
        Map<String, Integer> kinds = new LinkedHashMap<>();
        mix.forEach(m -> kinds.merge(m.kind().replace("+facet", ""), 1, Integer::sum));
        long faceted = mix.stream().filter(m -> m.kind().endsWith("+facet")).count();
        String build = Files.exists(buildNote())
                ? Files.readString(buildNote()).strip().replace("\n", "; then ")
                : "built by an earlier run";
        md.append("## Method\n\n")
                .append("- Index: ")
                .append(docs)
                .append(" documents (`-Dbench.docs`, default 50,000) behind the alias `bench-latency` in `")
                .append(dataDir)
                .append("` (`-Dbench.data-dir`): every ")
                .append(SAMPLE)
                .append("th file of `../shared/corpus` (`-Dbench.sample`) through the service's batch path"
                        + " (`POST /api/batches`: extraction, cleaning, metadata, dedup), then copies of the documents"
                        + " it produced by raw bulk of the analysed documents (the same index operations the batch path"
                        + " sends), each copy with a new id, one paragraph left out and its date moved back 0-4 years,"
                        + " up to the target count, in one or more runs (`-Dbench.build-minutes` bounds each; the build"
                        + " resumes). This index: ")
                .append(build)
                .append(docs < DOCS ? ". **Below the target count: the build has not finished.**" : ".")
                .append(" The service's mapping (three views per text field, offsets in the bigram postings), one"
                        + " shard, no replica; refresh off during the bulk load, then force-merged to"
                        + " `policy.index.rebuild-merge-segments` segments as a rebuild is before its alias swap. Reused"
                        + " by later runs while the count and the mapping version match.\n")
                .append("- Query mix: the ")
                .append(mix.size())
                .append(" judged queries of `src/test/resources/relevance/judged-queries.jsonl` ")
                .append(kinds)
                .append(", ")
                .append(faceted)
                .append(
                        " of them with a facet filter (the most common type, year or region values), shuffled with a fixed seed.\n")
                .append(
                        "- **api**: `GET /api/search?q=…` over HTTP/1.1 (a low-level `RestClient` pointed at the service: the same"
                                + " Apache async client and keep-alive pool as the direct path):"
                                + " query parsing, the search with highlights and six facet aggregations (the hits' duplicate"
                                + " counts come in their `_source`: one Elasticsearch request), JSON mapping both ways.\n")
                .append("- **direct**: the exact body `SearchService.request` builds for the same parameters"
                        + " (serialised with the client's JSON mapper), `POST /<alias>/_search?typed_keys=true` through"
                        + " the low-level `RestClient`, response read in full: everything the api path asks of"
                        + " Elasticsearch, so api minus direct is the service's own code (HTTP, Spring, JSON).\n")
                .append("- Open model, no coordinated omission: each client sends on a fixed schedule (")
                .append(RATE_1)
                .append(" req/s with 1 client; ")
                .append(RATE_8)
                .append(" req/s per client, ")
                .append(RATE_8 * 8)
                .append(" req/s in all, with 8 clients); latency is measured from the intended send time, so a"
                        + " request queued behind a slow one is charged its wait. HdrHistogram, 3 significant"
                        + " digits. ")
                .append(SECONDS)
                .append(" s per phase after ")
                .append(WARMUP)
                .append(" warm-up passes of the whole mix on each path, paths alternating (")
                .append(WARMUP * mix.size())
                .append(
                        " requests each; the JIT keeps compiling the service's request path for thousands of requests).\n")
                .append("- Rounds: ")
                .append(ROUNDS)
                .append(", the two paths in turn (A/B/A/B) so other engineers' load on the 2 shared cores hits"
                        + " all of them; the machine column is the whole machine's CPU use during the phase.\n\n");
        md.append("## Phases\n\n| clients | round | path | requests | errors | p50 ms | p95 ms | p99 ms | max ms"
                + " | machine busy |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (Phase p : phases) {
            md.append(String.format(
                    "| %d | %d | %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.0f%% |%n",
                    p.clients(),
                    p.round(),
                    p.mode(),
                    p.histogram().getTotalCount(),
                    p.errors(),
                    ms(p, 50),
                    ms(p, 95),
                    ms(p, 99),
                    p.histogram().getMaxValue() / 1000.0,
                    100 * p.busy()));
        }
        md.append(
                "\n## Summary (all rounds merged)\n\n| clients | path | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|---|\n");
        Map<String, Histogram> merged = new LinkedHashMap<>();
        for (Phase p : phases) {
            merged.computeIfAbsent(p.clients() + "|" + p.mode(), k -> new Histogram(60_000_000L, 3))
                    .add(p.histogram());
        }
        merged.forEach((k, h) -> md.append(String.format(
                "| %s | %s | %.1f | %.1f | %.1f |%n",
                k.split("\\|")[0],
                k.split("\\|")[1],
                h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(95) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0)));
        md.append("\n| clients | the service's own code (api − direct) at p50 | at p99 |\n|---|---|---|\n");
        for (int clients : List.of(1, 8)) {
            Histogram api = merged.get(clients + "|api");
            Histogram direct = merged.get(clients + "|direct");
            md.append(String.format(
                    "| %d | %+.1f ms | %+.0f %% (%+.1f ms) |%n",
                    clients,
                    diff(api, direct, 50),
                    100.0 * diff(api, direct, 99) / (direct.getValueAtPercentile(99) / 1000.0),
                    diff(api, direct, 99)));
        }
        md.append("\n## Where the time goes (all rounds merged)\n\nElasticsearch's own `took` (query, fetch,"
                + " highlight and aggregation on the node; the api answer passes the main search's on), against the"
                + " latency the client saw:\n\n| clients | path | took p50 ms | took p99 ms | latency p50 ms |"
                + " latency p99 ms |\n|---|---|---|---|---|---|\n");
        Map<String, Histogram> tooks = new LinkedHashMap<>();
        Map<String, Histogram> kindsMerged = new java.util.TreeMap<>();
        for (Phase p : phases) {
            tooks.computeIfAbsent(p.clients() + "|" + p.mode(), k -> new Histogram(60_000L, 3))
                    .add(p.took());
            p.byKind()
                    .forEach((kind, h) -> kindsMerged
                            .computeIfAbsent(
                                    kind + "|" + p.clients() + "|" + p.mode(), k -> new Histogram(60_000_000L, 3))
                            .add(h));
        }
        tooks.forEach((k, h) -> {
            Histogram latency = merged.get(k);
            md.append(String.format(
                    "| %s | %s | %d | %d | %.1f | %.1f |%n",
                    k.split("\\|")[0],
                    k.split("\\|")[1],
                    h.getValueAtPercentile(50),
                    h.getValueAtPercentile(99),
                    latency.getValueAtPercentile(50) / 1000.0,
                    latency.getValueAtPercentile(99) / 1000.0));
        });
        md.append(
                "\nBy query kind, 8 clients (latency, ms):\n\n| kind | api p50 | api p99 | direct p50 | direct p99 |\n"
                        + "|---|---|---|---|---|\n");
        kindsMerged.keySet().stream().map(k -> k.split("\\|")[0]).distinct().forEach(kind -> {
            Histogram api = kindsMerged.get(kind + "|8|api");
            Histogram direct = kindsMerged.get(kind + "|8|direct");
            if (api != null && direct != null) {
                md.append(String.format(
                        "| %s | %.1f | %.1f | %.1f | %.1f |%n",
                        kind,
                        api.getValueAtPercentile(50) / 1000.0,
                        api.getValueAtPercentile(99) / 1000.0,
                        direct.getValueAtPercentile(50) / 1000.0,
                        direct.getValueAtPercentile(99) / 1000.0));
            }
        });
        md.append("\n### Inside Elasticsearch\n\nEach query of the mix once with `profile=true`, alone, after the"
                        + " warm-up (mean per query; the profiler's own overhead inflates the absolute numbers, the"
                        + " split is what counts):\n\n")
                .append(profile);
        Path out = Path.of("docs/benchmarks/search-latency.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
        System.out.println(md);
    }
}
