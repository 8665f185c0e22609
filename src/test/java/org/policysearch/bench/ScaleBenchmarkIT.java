package org.policysearch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RequestOptions;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.policysearch.dedup.Fingerprinter;
import org.policysearch.index.BatchStore;
import org.policysearch.index.IndexManager;
import org.policysearch.index.PolicyDocument;
import org.policysearch.ingest.IngestService;
import org.policysearch.ingest.OriginalStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Scale benchmark (not a test: nothing timed is asserted): {@code bench.docs} documents generated from the shared
 * corpus ({@link GeneratedCorpus}) bulk-indexed into the index the service's {@link IndexManager} created behind its
 * alias (refresh off during the load, as a bulk load sets it, restored afterwards), then: ingest time and rate, index
 * size (store, per document, per KB of text, per field via {@code _disk_usage}), segments, memory of both JVMs, and
 * search latency of the full API request against a bare {@code match} query measured in the same run, at 1 and 8
 * clients, open model. The index lives in a persistent data directory ({@code target/bench-data-scale-<docs>}), so a
 * second run measures without re-indexing. Writes {@code docs/benchmarks/scale-1m.md} for a million documents, else
 * {@code target/scale-<docs>.md} (a pilot).
 *
 * <p>{@code flock /tmp/bench.lock mvn -B -q -Des-plugin.skip=true verify -Dit.test=ScaleBenchmarkIT -Dbench=true
 * -Dbench.docs=1000000 -DskipCorpusITs=true -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "policy.ingest.load-samples=false",
            "policy.index.alias=bench-scale",
            // The node takes minutes to start when other engineers' builds hold the cores.
            "policy.elasticsearch.managed.startup-timeout=15m",
            "API_KEY=bench-secret"
        })
class ScaleBenchmarkIT {

    static final long DOCS = Long.getLong("bench.docs", 20_000);
    /**
     * Measure the index as an interrupted load left it (up to its last checkpoint) instead of loading the rest: for a
     * load that does not fit the time at hand.
     */
    static final boolean MEASURE_ONLY = Boolean.getBoolean("bench.measureOnly");
    /** Mean length of a generated document's text, in characters. */
    static final int CHARS = Integer.getInteger("bench.chars", 700);

    static final String HEAP = System.getProperty("bench.heap", "2g");
    private static final int ANALYSIS_SAMPLE = Integer.getInteger("bench.analysisSample", 2000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 2);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 30);
    private static final double RATE_1 = Double.parseDouble(System.getProperty("bench.rate1", "2"));
    /** Per client: 8 clients send 8 times this. */
    private static final double RATE_8 = Double.parseDouble(System.getProperty("bench.rate8", "0.5"));

    private static final boolean DISK_USAGE = Boolean.parseBoolean(System.getProperty("bench.diskUsage", "true"));
    private static final long PROGRESS_EVERY = 50_000;
    /** Re-sent after a resume: more than the bulk requests in flight (2 × 200) and the one being filled. */
    private static final long RESEND = 1_000;

    private static final Path DATA = Path.of("target/bench-data-scale-" + DOCS);

    @DynamicPropertySource
    static void data(DynamicPropertyRegistry registry) {
        registry.add("policy.data-dir", DATA::toString);
        registry.add("policy.elasticsearch.managed.heap", () -> HEAP);
    }

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
    IngestService ingestService;

    @Autowired
    Fingerprinter fingerprinter;

    private final ObjectMapper json = new ObjectMapper();

    record Progress(long docs, long millis, double windowDocsPerSecond, double docsPerSecond, long esCpuMillis) {}

    record Load(
            long docs,
            long millis,
            long chars,
            long bytes,
            long esCpuMillis,
            long serviceCpuMillis,
            long generatorCpuMillis,
            double machineBusy,
            double loadAverageEnd,
            int errors,
            String finishedAt,
            List<Progress> progress) {}

    record Size(long docs, long storeBytes, long segments, long translogBytes, Map<String, long[]> fields) {}

    record Memory(long esHeapUsedMb, long esHeapMaxMb, long esRssMb, long serviceHeapUsedMb, long serviceRssMb) {}

    record Phase(String path, int clients, int round, FixedRate.Result result, double rate, double esCpuMsPerRequest) {}

    @Test
    void scale() throws Exception {
        long t0 = System.nanoTime();
        GeneratedCorpus corpus =
                GeneratedCorpus.load(ingestService, CHARS, 7, 2, Path.of("target/bench-analysed-corpus.json"));
        double corpusSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                "Analysed %d corpus documents in %.0f s (%.1f CPU-ms each)%n",
                corpus.sourceCount(), corpusSeconds, corpus.analysisCpuMillisPerSource());
        double analysisMs = analysisCostPerGeneratedDocument(corpus);
        System.out.printf("Service analysis of a generated document: %.2f CPU-ms%n", analysisMs);

        Load load = ensureLoaded(corpus);
        Memory afterLoad = memory();
        Size size = size();
        List<QueryMix.Query> mix = QueryMix.load(client, indexManager.alias());
        List<Phase> phases = queries(mix);
        Memory afterQueries = memory();
        writeReport(corpus, analysisMs, load, size, afterLoad, afterQueries, mix, phases);
    }

    /**
     * The service's whole analysis ({@link IngestService#analyse}: extraction of the text file, cleaning, metadata,
     * fingerprint) of generated documents, on this thread, in CPU-ms per document after a warm-up.
     */
    private double analysisCostPerGeneratedDocument(GeneratedCorpus corpus) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = 0;
        for (int i = -200; i < ANALYSIS_SAMPLE; i++) {
            byte[] bytes = corpus.fileText(Math.abs(i) * 7919L).getBytes(StandardCharsets.UTF_8);
            String sha = OriginalStore.sha256(bytes);
            long before = threads.getCurrentThreadCpuTime();
            ingestService.analyse(bytes, new OriginalStore.OriginalInfo(sha, "gen.txt", null, bytes.length, "now"));
            if (i >= 0) {
                cpu += threads.getCurrentThreadCpuTime() - before;
            }
        }
        return cpu / 1e6 / ANALYSIS_SAMPLE;
    }

    /**
     * Loads the documents, or finds them loaded by an earlier run. A load cut short (a killed JVM) resumes from its
     * last checkpoint (written every {@value #PROGRESS_EVERY} documents) minus the bulk requests that may have been in
     * flight; ids are deterministic, so re-sent documents overwrite themselves. Times and CPU are summed over the
     * parts (the time between the last checkpoint and the kill is not counted).
     */
    private Load ensureLoaded(GeneratedCorpus corpus) throws IOException {
        String alias = indexManager.alias();
        Path stats = DATA.resolve("load.json");
        Path checkpoint = DATA.resolve("load-checkpoint.json");
        client.indices().refresh(r -> r.index(alias));
        long have = client.count(c -> c.index(alias)).count();
        if (have == DOCS && Files.exists(stats)) {
            System.out.println("Index already holds " + have + " documents: measuring only");
            return json.readValue(stats.toFile(), Load.class);
        }
        if (MEASURE_ONLY && Files.exists(checkpoint)) {
            String index = indexManager.indicesBehindAlias().iterator().next();
            client.indices().putSettings(p -> p.index(index).settings(s -> s.refreshInterval(t -> t.time("1s"))));
            client.indices().refresh(r -> r.index(alias));
            System.out.println("Measuring the " + have + " documents of an interrupted load");
            return json.readValue(checkpoint.toFile(), Load.class);
        }
        Load base = Files.exists(checkpoint)
                ? json.readValue(checkpoint.toFile(), Load.class)
                : new Load(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, "", List.of());
        assertThat(have > 0 && base.docs() == 0)
                .as("a partial index without a checkpoint: delete " + DATA)
                .isFalse();
        long from = Math.max(0, base.docs() - RESEND);
        System.out.printf("Loading from document %d (%d in the index)%n", from, have);
        String index = indexManager.indicesBehindAlias().iterator().next();
        client.indices().putSettings(p -> p.index(index).settings(s -> s.refreshInterval(t -> t.time("-1"))));

        BulkErrors listener = new BulkErrors();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] cpu0 = cpu();
        long start = System.nanoTime();
        long generatorCpu = 0;
        long chars = 0;
        long bytes = 0;
        List<Progress> progress = new ArrayList<>(base.progress());
        long windowStart = start;
        long windowFrom = from;
        Load load = base;
        try (BulkIngester<Void> ingester = batchStore.ingester(listener)) {
            for (long i = from; i < DOCS; i++) {
                long g0 = threads.getCurrentThreadCpuTime();
                PolicyDocument d = corpus.document(i, fingerprinter);
                if (i >= base.docs()) {
                    chars += d.title().length() + d.text().length();
                    bytes += d.size();
                }
                var operation = batchStore.indexOperation(d);
                generatorCpu += threads.getCurrentThreadCpuTime() - g0;
                ingester.add(operation);
                if ((i + 1) % PROGRESS_EVERY == 0 || i + 1 == DOCS) {
                    long now = System.nanoTime();
                    long[] cpu = cpu();
                    load = new Load(
                            i + 1,
                            base.millis() + (now - start) / 1_000_000,
                            base.chars() + chars,
                            base.bytes() + bytes,
                            base.esCpuMillis() + cpu[1] - cpu0[1],
                            base.serviceCpuMillis() + cpu[0] - cpu0[0],
                            base.generatorCpuMillis() + generatorCpu / 1_000_000,
                            (base.machineBusy() * base.millis()
                                            + (cpu[2] - cpu0[2])
                                                    / (double) Math.max(1, cpu[3] - cpu0[3])
                                                    * (now - start)
                                                    / 1e6)
                                    / (base.millis() + (now - start) / 1e6),
                            Processes.loadAverage(),
                            base.errors() + listener.count(),
                            LocalDateTime.now().withNano(0).toString(),
                            progress);
                    Progress p = new Progress(
                            i + 1,
                            load.millis(),
                            (i + 1 - windowFrom) * 1e9 / (now - windowStart),
                            (i + 1) * 1000.0 / load.millis(),
                            load.esCpuMillis());
                    progress.add(p);
                    json.writerWithDefaultPrettyPrinter().writeValue(checkpoint.toFile(), load);
                    windowStart = now;
                    windowFrom = i + 1;
                    System.out.printf(
                            "%s %d docs, %.0f s, %.0f docs/s now, %.0f docs/s overall, load %.1f, errors %d%n",
                            LocalDateTime.now().withNano(0),
                            p.docs(),
                            p.millis() / 1000.0,
                            p.windowDocsPerSecond(),
                            p.docsPerSecond(),
                            Processes.loadAverage(),
                            load.errors());
                }
            }
        }
        client.indices().putSettings(p -> p.index(index).settings(s -> s.refreshInterval(t -> t.time("1s"))));
        client.indices().refresh(r -> r.index(alias));
        // The refresh after the flush belongs to the load.
        long tail = (System.nanoTime() - windowStart) / 1_000_000;
        load = new Load(
                load.docs(),
                load.millis() + tail,
                load.chars(),
                load.bytes(),
                base.esCpuMillis() + Machine.elasticsearchCpuMillis(client) - cpu0[1],
                load.serviceCpuMillis(),
                load.generatorCpuMillis(),
                load.machineBusy(),
                Processes.loadAverage(),
                base.errors() + listener.count(),
                LocalDateTime.now().withNano(0).toString(),
                progress);
        json.writerWithDefaultPrettyPrinter().writeValue(stats.toFile(), load);
        assertThat(client.count(c -> c.index(alias)).count()).isEqualTo(DOCS);
        return load;
    }

    private long[] cpu() throws IOException {
        long[] jiffies = Machine.machineJiffies();
        return new long[] {Machine.serviceCpuMillis(), Machine.elasticsearchCpuMillis(client), jiffies[0], jiffies[1]};
    }

    private Size size() throws IOException {
        String index = indexManager.indicesBehindAlias().iterator().next();
        var stats = client.indices()
                .stats(s -> s.index(index).metric("store", "segments", "docs", "translog"))
                .indices()
                .get(index)
                .primaries();
        Map<String, long[]> fields = new LinkedHashMap<>();
        if (DISK_USAGE) {
            long t = System.nanoTime();
            Request request = new Request("POST", "/" + index + "/_disk_usage");
            request.addParameter("run_expensive_tasks", "true");
            request.setOptions(RequestOptions.DEFAULT.toBuilder()
                    .setRequestConfig(
                            RequestConfig.custom().setSocketTimeout(1_800_000).build()));
            JsonNode body = json.readTree(
                    EntityUtils.toString(restClient.performRequest(request).getEntity()));
            body.path(index).path("fields").fields().forEachRemaining(e -> {
                JsonNode f = e.getValue();
                fields.put(e.getKey(), new long[] {
                    f.path("total_in_bytes").asLong(),
                    f.path("inverted_index").path("total_in_bytes").asLong(),
                    f.path("stored_fields_in_bytes").asLong(),
                    f.path("doc_values_in_bytes").asLong(),
                    f.path("points_in_bytes").asLong(),
                    f.path("norms_in_bytes").asLong(),
                    f.path("term_vectors_in_bytes").asLong()
                });
            });
            System.out.printf("_disk_usage took %.0f s%n", (System.nanoTime() - t) / 1e9);
        }
        return new Size(
                stats.docs().count(),
                stats.store().sizeInBytes(),
                stats.segments().count(),
                stats.translog().sizeInBytes(),
                fields);
    }

    private Memory memory() throws IOException {
        var node = client.nodes()
                .stats(s -> s.metric("jvm"))
                .nodes()
                .values()
                .iterator()
                .next();
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return new Memory(
                node.jvm().mem().heapUsedInBytes() >> 20,
                node.jvm().mem().heapMaxInBytes() >> 20,
                Processes.rssMb(Long.toString(Processes.elasticsearchPid(client))),
                (rt.totalMemory() - rt.freeMemory()) >> 20,
                Processes.rssMb("self"));
    }

    private List<Phase> queries(List<QueryMix.Query> mix) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Map<String, FixedRate.Request> paths = new LinkedHashMap<>();
        paths.put("api", (c, i) -> api(http, mix.get((c * 37 + i) % mix.size())));
        paths.put("bare match", (c, i) -> bare(mix.get((c * 37 + i) % mix.size())));
        // Warm-up: the whole mix once through each path.
        for (FixedRate.Request r : paths.values()) {
            FixedRate.run(1, 20, mix.size(), r);
        }
        List<Phase> phases = new ArrayList<>();
        for (int clients : List.of(1, 8)) {
            double rate = clients == 1 ? RATE_1 : RATE_8;
            for (int round = 1; round <= ROUNDS; round++) {
                for (var e : paths.entrySet()) {
                    int rr = round;
                    FixedRate.Request shifted = (c, i) -> e.getValue().send(c, i + rr * 11);
                    long es0 = Machine.elasticsearchCpuMillis(client);
                    FixedRate.Result result = FixedRate.run(clients, rate, (int) (SECONDS * rate), shifted);
                    double esCpu = (Machine.elasticsearchCpuMillis(client) - es0)
                            / (double) Math.max(1, result.histogram().getTotalCount());
                    Phase p = new Phase(e.getKey(), clients, round, result, rate * clients, esCpu);
                    phases.add(p);
                    System.out.printf(
                            "%s x%d round %d: p50 %.1f p95 %.1f p99 %.1f ms (%d requests, %d errors, ES %.0f CPU-ms/req)%n",
                            p.path(),
                            clients,
                            round,
                            result.ms(50),
                            result.ms(95),
                            result.ms(99),
                            result.histogram().getTotalCount(),
                            result.errors(),
                            esCpu);
                }
            }
        }
        return phases;
    }

    private void api(HttpClient http, QueryMix.Query q) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/search?" + q.apiQuery()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("status " + response.statusCode());
        }
    }

    /** The baseline: a plain match on the text field, ten hits, nothing else. */
    private void bare(QueryMix.Query q) throws IOException {
        Request request = new Request("POST", "/" + indexManager.alias() + "/_search");
        request.setJsonEntity(json.createObjectNode()
                .put("size", 10)
                .set(
                        "query",
                        json.createObjectNode()
                                .set("match", json.createObjectNode().put("text", q.q())))
                .toString());
        EntityUtils.toString(restClient.performRequest(request).getEntity());
    }

    private void writeReport(
            GeneratedCorpus corpus,
            double analysisMs,
            Load load,
            Size size,
            Memory afterLoad,
            Memory afterQueries,
            List<QueryMix.Query> mix,
            List<Phase> phases)
            throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Scale: ")
                .append(String.format("%,d", size.docs()))
                .append(" documents\n\nGenerated by `ScaleBenchmarkIT` on ")
                .append(LocalDateTime.now().withNano(0))
                .append(" (load finished ")
                .append(load.finishedAt())
                .append("). Command:\n\n```\nflock /tmp/bench.lock mvn -B -q -Des-plugin.skip=true verify")
                .append(" -Dit.test=ScaleBenchmarkIT -Dbench=true -Dbench.docs=")
                .append(DOCS)
                .append(" -Dbench.chars=")
                .append(CHARS)
                .append(" -Dbench.heap=")
                .append(HEAP)
                .append(" -Dbench.seconds=")
                .append(SECONDS)
                .append(MEASURE_ONLY ? " -Dbench.measureOnly=true" : "")
                .append(" -DskipCorpusITs=true -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false\n```\n\n");
        md.append("## Machine\n\n")
                .append(Machine.describe(client))
                .append(String.format(
                        "%n- machine CPU busy during the load (all processes, other engineers' included): %.0f %%;"
                                + " 1-minute load average at its end %.1f, at report time %.1f%n%n",
                        100 * load.machineBusy(), load.loadAverageEnd(), Processes.loadAverage()));

        double avgChars = load.chars() / (double) load.docs();
        double avgBytes = load.bytes() / (double) load.docs();
        md.append("## Documents\n\n")
                .append(String.format(
                        "- %,d documents generated from the %d documents of `../shared/corpus` (laws, news, party"
                                + " building; the text files). Every corpus document was first analysed by the service"
                                + " (`IngestService.analyse`: extraction, cleaning, metadata, fingerprint; %.1f CPU-ms"
                                + " each, on 2 threads, in the first run; later runs read that analysis from"
                                + " `target/bench-analysed-corpus.json`). Generated document *i* is a run of consecutive paragraphs of one corpus"
                                + " document (seeded by *i*), cut at a sentence end near a length drawn uniformly from"
                                + " 0.4–1.6 × %d characters, under its source's title and with its source's analysed"
                                + " metadata (date, year, type, issuing body, document number, regions, topics,"
                                + " keywords, provenance), its own SHA-256 id and its own fingerprint (exact hash,"
                                + " MinHash, LSH bands) of its text.%n",
                        load.docs(), corpus.sourceCount(), corpus.analysisCpuMillisPerSource(), CHARS))
                .append(String.format(
                        "- Average size: %.0f characters (title + text), %.0f bytes as a UTF-8 text file; %.2f GB of"
                                + " text in all.%n",
                        avgChars, avgBytes, load.bytes() / 1e9))
                .append(String.format(
                        "- Service analysis cost of such a document (`IngestService.analyse` on the file's bytes,"
                                + " one thread, %d documents after a warm-up): **%.2f CPU-ms per document**. The load"
                                + " below skips it (documents are built from their source's analysis, fingerprinted,"
                                + " and sent as the same bulk index operations the batch path sends).%n%n",
                        ANALYSIS_SAMPLE, analysisMs));

        if (size.docs() < DOCS) {
            md.append(String.format(
                    "**Partial: the load of %,d documents was stopped at its checkpoint of %,d documents (time ran"
                            + " out); the index holds %,d. Everything below is measured on those; rerunning the"
                            + " command without `-Dbench.measureOnly` resumes the load.**%n%n",
                    DOCS, load.docs(), size.docs()));
        }
        md.append("## Ingest\n\n")
                .append("Raw bulk of the generated documents through `BatchStore.indexOperation` (the body"
                        + " `DocumentStore` writes, completion inputs included) and `BatchStore.ingester` (200 docs"
                        + " or 2 MB per request, 2 in flight) into the index the service's `IndexManager` created"
                        + " behind the alias (one shard, no replica, the service's mapping with three views per text"
                        + " field). `refresh_interval` was -1 during the load and 1s again after it, then one"
                        + " refresh; the clock includes generation and that refresh.\n\n")
                .append(String.format(
                        "| docs | time | docs/s | MB/s (text) | ES CPU-ms/doc | generator CPU-ms/doc | bulk errors |%n"
                                + "|---|---|---|---|---|---|---|%n| %,d | %.1f min | %.0f | %.2f | %.2f | %.2f | %d |%n%n",
                        load.docs(),
                        load.millis() / 60000.0,
                        load.docs() * 1000.0 / load.millis(),
                        load.bytes() / 1e3 / load.millis(),
                        load.esCpuMillis() / (double) load.docs(),
                        load.generatorCpuMillis() / (double) load.docs(),
                        load.errors()))
                .append("Over time:\n\n| docs | elapsed s | docs/s (last window) | docs/s (overall) | ES CPU-ms/doc so"
                        + " far |\n|---|---|---|---|---|\n");
        for (Progress p : load.progress()) {
            md.append(String.format(
                    "| %,d | %.0f | %.0f | %.0f | %.2f |%n",
                    p.docs(),
                    p.millis() / 1000.0,
                    p.windowDocsPerSecond(),
                    p.docsPerSecond(),
                    p.esCpuMillis() / (double) p.docs()));
        }

        md.append("\n## Index size\n\n")
                .append(String.format(
                        "| docs | store | per doc | per KB of text (UTF-8) | segments | translog |%n|---|---|---|---|---|---|%n"
                                + "| %,d | %.2f GB | %.0f bytes | %.2f KB | %d | %.1f MB |%n%n",
                        size.docs(),
                        size.storeBytes() / 1e9,
                        size.storeBytes() / (double) size.docs(),
                        size.storeBytes() / (size.docs() * (load.bytes() / (double) load.docs())),
                        size.segments(),
                        size.translogBytes() / 1e6));
        if (!size.fields().isEmpty()) {
            md.append("Per field (`_disk_usage?run_expensive_tasks=true`, bytes per document; the fields over 1 % of"
                    + " the index):\n\n| field | total | inverted index | stored | doc values | points | norms"
                    + " | term vectors | share |\n|---|---|---|---|---|---|---|---|---|\n");
            long all = size.fields().values().stream().mapToLong(v -> v[0]).sum();
            long other = 0;
            List<Map.Entry<String, long[]>> sorted =
                    new ArrayList<>(size.fields().entrySet());
            sorted.sort((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]));
            for (var e : sorted) {
                long[] v = e.getValue();
                if (v[0] < all / 100) {
                    other += v[0];
                    continue;
                }
                md.append(String.format(
                        "| `%s` | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.1f %% |%n",
                        e.getKey(),
                        v[0] / (double) size.docs(),
                        v[1] / (double) size.docs(),
                        v[2] / (double) size.docs(),
                        v[3] / (double) size.docs(),
                        v[4] / (double) size.docs(),
                        v[5] / (double) size.docs(),
                        v[6] / (double) size.docs(),
                        100.0 * v[0] / all));
            }
            md.append(String.format(
                    "| other fields | %.0f | | | | | | | %.1f %% |%n%n",
                    other / (double) size.docs(), 100.0 * other / all));
        }

        md.append("## Memory\n\n| when | ES heap used / max | ES RSS | service heap used (after GC) | service RSS"
                        + " |\n|---|---|---|---|---|\n")
                .append(memoryRow("after the load", afterLoad))
                .append(memoryRow("after the queries", afterQueries))
                .append("\n(The service JVM is also the benchmark's: its heap holds the analysed corpus the"
                        + " generator draws from.)\n\n");

        md.append("## Search latency\n\n")
                .append("- Query mix: the ")
                .append(mix.size())
                .append(" judged queries of `src/test/resources/relevance/judged-queries.jsonl` ")
                .append(QueryMix.kinds(mix))
                .append(", every third with a facet filter on a common type, year or region value, shuffled with a"
                        + " fixed seed.\n")
                .append("- **api**: `GET /api/search?q=…` over HTTP/1.1 (the service's full request: parsing, the"
                        + " search with highlights and six facet aggregations, the duplicate counts read from the"
                        + " hits, JSON both ways).\n")
                .append("- **bare match**: `{\"size\":10,\"query\":{\"match\":{\"text\":q}}}` sent to Elasticsearch"
                        + " directly (low-level `RestClient`): the floor for a query over this index.\n")
                .append(String.format(
                        "- Open model: fixed arrival rate (%.1f req/s with 1 client; %.1f req/s per client, %.1f in"
                                + " all, with 8), latency from the intended send time, HdrHistogram; %d s per phase"
                                + " after a warm-up pass of the mix on each path; %d rounds, paths alternating.%n%n",
                        RATE_1, RATE_8, RATE_8 * 8, SECONDS, ROUNDS))
                .append("| clients | round | path | requests | errors | p50 ms | p95 ms | p99 ms | max ms | ES CPU-ms"
                        + " per request |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (Phase p : phases) {
            FixedRate.Result r = p.result();
            md.append(String.format(
                    "| %d | %d | %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.0f |%n",
                    p.clients(),
                    p.round(),
                    p.path(),
                    r.histogram().getTotalCount(),
                    r.errors(),
                    r.ms(50),
                    r.ms(95),
                    r.ms(99),
                    r.histogram().getMaxValue() / 1000.0,
                    p.esCpuMsPerRequest()));
        }
        md.append("\nAll rounds merged:\n\n| clients | path | p50 ms | p95 ms | p99 ms | p50 ratio to bare | p99 ratio"
                + " to bare |\n|---|---|---|---|---|---|---|\n");
        Map<String, Histogram> merged = new LinkedHashMap<>();
        for (Phase p : phases) {
            merged.computeIfAbsent(p.clients() + "|" + p.path(), k -> new Histogram(120_000_000L, 3))
                    .add(p.result().histogram());
        }
        merged.forEach((k, h) -> {
            String[] parts = k.split("\\|");
            Histogram bare = merged.get(parts[0] + "|bare match");
            md.append(String.format(
                    "| %s | %s | %.1f | %.1f | %.1f | %.2f | %.2f |%n",
                    parts[0],
                    parts[1],
                    h.getValueAtPercentile(50) / 1000.0,
                    h.getValueAtPercentile(95) / 1000.0,
                    h.getValueAtPercentile(99) / 1000.0,
                    h.getValueAtPercentile(50) / (double) bare.getValueAtPercentile(50),
                    h.getValueAtPercentile(99) / (double) bare.getValueAtPercentile(99)));
        });
        Path out = DOCS >= 1_000_000 ? Path.of("docs/benchmarks/scale-1m.md") : Path.of("target/scale-" + DOCS + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
        System.out.println(md);
    }

    private static String memoryRow(String when, Memory m) {
        return String.format(
                "| %s | %d / %d MB | %d MB | %d MB | %d MB |%n",
                when, m.esHeapUsedMb(), m.esHeapMaxMb(), m.esRssMb(), m.serviceHeapUsedMb(), m.serviceRssMb());
    }
}
