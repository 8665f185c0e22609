package org.policysearch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.policysearch.SharedData;
import org.policysearch.index.IndexManager;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Soak benchmark (not a test: its verdicts are computed and written, not asserted): the whole service with its
 * managed node on loopback under a mixed open-model load for {@code bench.soak.minutes}: searches (the judged query
 * mix), suggestions, document fetches, single uploads of new generated files and a batch of new files every minute.
 * Each request is sent at its scheduled time from a worker pool, whatever the earlier ones are doing, and its latency
 * runs from that time. Per minute: requests, errors (any unexpected status or exception), p50/p99 per class, this
 * JVM's heap after GC (GC notifications, no forced GC), the node's heap, open files and threads of both processes.
 * Writes {@code docs/benchmarks/soak.md}.
 *
 * <p>{@code flock /tmp/bench.lock mvn -B -q -Des-plugin.skip=true verify -Dit.test=SoakBenchmarkIT -Dbench=true
 * -Dbench.soak.minutes=10 -DskipCorpusITs=true -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "policy.data-dir=target/bench-data-soak",
            "policy.ingest.load-samples=false",
            // The node takes minutes to start when other engineers' builds hold the cores.
            "policy.elasticsearch.managed.startup-timeout=15m",
            "API_KEY=" + SoakBenchmarkIT.KEY
        })
class SoakBenchmarkIT {

    static final String KEY = "bench-secret";
    private static final int MINUTES = Integer.getInteger("bench.soak.minutes", 10);
    /** Every n-th corpus file is ingested (through the batch path) before the soak starts. */
    private static final int SAMPLE = Integer.getInteger("bench.soak.sample", 8);

    private static final double SEARCH_RATE = rate("search", 3);
    private static final double SUGGEST_RATE = rate("suggest", 2);
    private static final double FETCH_RATE = rate("fetch", 2);
    private static final double UPLOAD_RATE = rate("upload", 0.2);
    private static final int BATCH_FILES = Integer.getInteger("bench.soak.batchFiles", 20);
    /** p99 of the last two minutes over the first two: above this, p99 is not stable. */
    private static final double STABLE_RATIO = 1.5;
    /** Heap growth per hour, as a share of the max heap, above which memory is not flat. */
    private static final double FLAT_SHARE_PER_HOUR = 0.10;

    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    @DynamicPropertySource
    static void alias(DynamicPropertyRegistry registry) {
        // A fresh index per run: a soak starts from the same state every time.
        registry.add("policy.index.alias", () -> "bench-soak-" + RUN);
    }

    private static double rate(String name, double fallback) {
        return Double.parseDouble(System.getProperty("bench.soak." + name + "Rate", Double.toString(fallback)));
    }

    @LocalServerPort
    int port;

    @Autowired
    ElasticsearchClient client;

    @Autowired
    IndexManager indexManager;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final List<String> ids = new CopyOnWriteArrayList<>();
    private final AtomicLong fileCounter = new AtomicLong();
    private final Map<String, Integer> errorSamples = new ConcurrentHashMap<>();
    private long startNanos;
    private Minute[] minutes;
    private GeneratedCorpus generated;

    /** Latency and errors of one request class in one minute. */
    record Cell(Histogram histogram, AtomicLong errors) {
        Cell() {
            this(new Histogram(600_000_000L, 3), new AtomicLong());
        }
    }

    /** One minute of the soak: a cell per request class and the resource samples taken at its end. */
    static final class Minute {
        final Map<String, Cell> cells = new ConcurrentHashMap<>();
        volatile long heapAfterGcMinMb = Long.MAX_VALUE;
        volatile long gcCount;
        long esHeapMb;
        long esOldMb;
        long serviceFds;
        long esFds;
        long serviceThreads;
        long esThreads;
        long esRssMb;
        long serviceRssMb;
        double load;

        Cell cell(String kind) {
            return cells.computeIfAbsent(kind, k -> new Cell());
        }
    }

    @Test
    void soak() throws Exception {
        Path corpus = SharedData.require("corpus");
        int preloaded = preload(corpus);
        generated = GeneratedCorpus.unanalysed(800, 11);
        List<QueryMix.Query> mix = QueryMix.load(client, indexManager.alias());
        List<String> prefixes = prefixes(mix);
        assertThat(ids).isNotEmpty();
        long esPid = Processes.elasticsearchPid(client);

        minutes = new Minute[MINUTES];
        for (int m = 0; m < MINUTES; m++) {
            minutes[m] = new Minute();
        }
        listenToGc();
        ExecutorService workers = Executors.newCachedThreadPool();
        startNanos = System.nanoTime() + 1_000_000_000L;
        long endNanos = startNanos + TimeUnit.MINUTES.toNanos(MINUTES);
        List<Thread> dispatchers = new ArrayList<>();
        dispatchers.add(dispatcher(
                "search", SEARCH_RATE, endNanos, workers, i -> search(mix.get((int) (i % mix.size())))));
        dispatchers.add(dispatcher(
                "suggest", SUGGEST_RATE, endNanos, workers, i -> suggest(prefixes.get((int) (i % prefixes.size())))));
        dispatchers.add(dispatcher(
                "fetch",
                FETCH_RATE,
                endNanos,
                workers,
                i -> fetch(ids.get(ThreadLocalRandom.current().nextInt(ids.size())))));
        dispatchers.add(dispatcher("upload", UPLOAD_RATE, endNanos, workers, i -> upload()));
        dispatchers.add(dispatcher("batch", 1.0 / 60, endNanos, workers, i -> batch()));
        dispatchers.forEach(Thread::start);

        for (int m = 0; m < MINUTES; m++) {
            long sampleAt = startNanos + TimeUnit.SECONDS.toNanos(60L * m + 59);
            long wait;
            while ((wait = sampleAt - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            sample(minutes[m], esPid);
            System.out.println(LocalDateTime.now().withNano(0) + " minute " + (m + 1) + ": " + line(minutes[m]));
        }
        for (Thread t : dispatchers) {
            t.join();
        }
        workers.shutdown();
        boolean drained = workers.awaitTermination(5, TimeUnit.MINUTES);
        writeReport(corpus, preloaded, drained);
    }

    /** The corpus sample through the batch path, so searches and fetches have real documents. */
    private int preload(Path corpus) throws Exception {
        Path input = Path.of("target/bench-soak-input/preload").toAbsolutePath();
        recreate(input);
        Map<String, Path> sources = Map.of(
                "laws", corpus.resolve("laws_lawrefbook/docs"),
                "news", corpus.resolve("xinwen_lianbo_cctv/docs"),
                "party", corpus.resolve("party_building_school_site/raw_html"));
        int n = 0;
        for (var e : sources.entrySet()) {
            Path dir = Files.createDirectories(input.resolve(e.getKey()));
            try (Stream<Path> files = Files.list(e.getValue())) {
                List<Path> sorted = files.sorted().toList();
                for (int i = 0; i < sorted.size(); i += SAMPLE, n++) {
                    Files.createSymbolicLink(dir.resolve(sorted.get(i).getFileName()), sorted.get(i));
                }
            }
        }
        long t = System.nanoTime();
        JsonNode status = runBatch(input);
        System.out.printf(
                "Preloaded %d files in %.0f s: %s%n", n, (System.nanoTime() - t) / 1e9, status.path("counts"));
        client.indices().refresh(r -> r.index(indexManager.alias()));
        var hits = client.search(
                        s -> s.index(indexManager.alias()).size(1000).source(src -> src.filter(f -> f.includes("id"))),
                        JsonNode.class)
                .hits()
                .hits();
        hits.forEach(h -> ids.add(h.id()));
        return n;
    }

    /** Starts a batch over {@code dir}, waits for it, and returns its final status. */
    private JsonNode runBatch(Path dir) throws IOException, InterruptedException {
        HttpResponse<String> started = http.send(
                HttpRequest.newBuilder(uri("/api/batches"))
                        .header("X-API-Key", KEY)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.createObjectNode()
                                .put("directory", dir.toString())
                                .toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        expect(started, 202);
        String id = json.readTree(started.body()).path("id").asText();
        while (true) {
            Thread.sleep(500);
            HttpResponse<String> poll = http.send(
                    HttpRequest.newBuilder(uri("/api/batches/" + id))
                            .header("X-API-Key", KEY)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            expect(poll, 200);
            JsonNode status = json.readTree(poll.body());
            if (!status.path("state").asText().equals("RUNNING")) {
                return status;
            }
        }
    }

    /** Two-, three- and four-character prefixes of the judged queries: what a user types before picking. */
    private static List<String> prefixes(List<QueryMix.Query> mix) {
        List<String> out = new ArrayList<>();
        for (QueryMix.Query q : mix) {
            String s = q.q().replaceAll("[\\s\"“”]", "");
            for (int len = 2; len <= 4 && len <= s.length(); len++) {
                out.add(s.substring(0, len));
            }
        }
        return out;
    }

    interface Send {
        void send(long i) throws Exception;
    }

    /** A thread that submits request {@code i} of its class at start + i / rate, until the end. */
    private Thread dispatcher(String kind, double rate, long endNanos, ExecutorService workers, Send send) {
        long interval = (long) (1e9 / rate);
        return new Thread(
                () -> {
                    for (long i = 0; ; i++) {
                        long intended = startNanos + i * interval;
                        if (intended >= endNanos) {
                            return;
                        }
                        long wait;
                        while ((wait = intended - System.nanoTime()) > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        long n = i;
                        workers.execute(() -> {
                            Cell cell = minutes[(int) ((intended - startNanos) / 60_000_000_000L)].cell(kind);
                            try {
                                send.send(n);
                            } catch (Exception e) {
                                cell.errors().incrementAndGet();
                                errorSamples.merge(kind + ": " + e.getMessage(), 1, Integer::sum);
                            }
                            long micros = (System.nanoTime() - intended) / 1000;
                            synchronized (cell) {
                                cell.histogram()
                                        .recordValue(Math.min(
                                                micros, cell.histogram().getHighestTrackableValue()));
                            }
                        });
                    }
                },
                "soak-" + kind);
    }

    private void search(QueryMix.Query q) throws Exception {
        expect(get("/api/search?" + q.apiQuery()), 200);
    }

    private void suggest(String prefix) throws Exception {
        expect(get("/api/suggest?q=" + URLEncoder.encode(prefix, StandardCharsets.UTF_8)), 200);
    }

    private void fetch(String id) throws Exception {
        expect(get("/api/documents/" + id), 200);
    }

    /** A new generated file (a line unique to this run and file makes its bytes new), expected 201. */
    private void upload() throws Exception {
        long n = fileCounter.incrementAndGet();
        byte[] file = newFile(n).getBytes(StandardCharsets.UTF_8);
        String boundary = "soak" + n;
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"soak-" + n
                        + ".txt\"\r\nContent-Type: text/plain\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri("/api/documents"))
                        .header("X-API-Key", KEY)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, file, tail)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        expect(response, 201);
        ids.add(json.readTree(response.body()).path("id").asText());
    }

    /** A directory of new generated files through {@code POST /api/batches}; any refused or failed file is an error. */
    private void batch() throws Exception {
        Path dir = Files.createDirectories(Path.of("target/bench-soak-input/batch-" + RUN + "-" + fileCounter.get())
                .toAbsolutePath());
        for (int k = 0; k < BATCH_FILES; k++) {
            long n = fileCounter.incrementAndGet();
            Files.writeString(dir.resolve("soak-" + n + ".txt"), newFile(n));
        }
        JsonNode status = runBatch(dir);
        JsonNode counts = status.path("counts");
        long bad = counts.path("REFUSED").asLong() + counts.path("FAILED").asLong();
        if (!status.path("state").asText().equals("DONE") || bad > 0) {
            throw new IOException("batch " + status.path("state").asText() + " " + counts);
        }
        status.path("outcomes").forEach(o -> {
            if (!o.path("id").asText().isEmpty()) {
                ids.add(o.path("id").asText());
            }
        });
    }

    private String newFile(long n) {
        String text = generated.fileText(n * 7_919L + 13);
        int eol = text.indexOf('\n');
        return text.substring(0, eol) + "\n\n（第" + n + "号 " + RUN + "）\n" + text.substring(eol);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> response, int status) throws IOException {
        if (response.statusCode() != status) {
            throw new IOException(
                    "status " + response.statusCode() + " for " + response.uri().getPath());
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Heap used after each collection (all heap pools), kept as each minute's minimum: the live set's trend. */
    private void listenToGc() {
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc)
                    .addNotificationListener(
                            (notification, handback) -> {
                                if (!notification
                                        .getType()
                                        .equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                                    return;
                                }
                                var info = GarbageCollectionNotificationInfo.from(
                                        (CompositeData) notification.getUserData());
                                long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                                        .filter(e -> heapPools.contains(e.getKey()))
                                        .mapToLong(e -> e.getValue().getUsed())
                                        .sum();
                                long m = (System.nanoTime() - startNanos) / 60_000_000_000L;
                                if (m >= 0 && m < minutes.length) {
                                    Minute minute = minutes[(int) m];
                                    minute.gcCount++;
                                    minute.heapAfterGcMinMb = Math.min(minute.heapAfterGcMinMb, used >> 20);
                                }
                            },
                            null,
                            null);
        }
    }

    /** The managed node's JVM statistics (one node). */
    private co.elastic.clients.elasticsearch.nodes.Stats nodeStats() throws IOException {
        return client.nodes()
                .stats(s -> s.metric("jvm"))
                .nodes()
                .values()
                .iterator()
                .next();
    }

    private void sample(Minute m, long esPid) throws IOException {
        var node = nodeStats();
        m.esHeapMb = node.jvm().mem().heapUsedInBytes() >> 20;
        var old = node.jvm().mem().pools().get("old");
        m.esOldMb = old == null ? -1 : old.usedInBytes() >> 20;
        m.esThreads = Processes.threads(Long.toString(esPid));
        m.esFds = Processes.openFiles(Long.toString(esPid));
        m.esRssMb = Processes.rssMb(Long.toString(esPid));
        m.serviceFds = Processes.openFiles("self");
        m.serviceThreads = ManagementFactory.getThreadMXBean().getThreadCount();
        m.serviceRssMb = Processes.rssMb("self");
        m.load = Processes.loadAverage();
    }

    private String line(Minute m) {
        StringBuilder s = new StringBuilder();
        m.cells.forEach((k, c) -> s.append(String.format(
                "%s %d req %d err p99 %.0f ms; ",
                k,
                c.histogram().getTotalCount(),
                c.errors().get(),
                c.histogram().getValueAtPercentile(99) / 1000.0)));
        return s.append(String.format(
                        "heap after GC %d MB, ES heap %d MB, fds %d/%d, threads %d/%d, load %.1f",
                        m.heapAfterGcMinMb == Long.MAX_VALUE ? -1 : m.heapAfterGcMinMb,
                        m.esHeapMb,
                        m.serviceFds,
                        m.esFds,
                        m.serviceThreads,
                        m.esThreads,
                        m.load))
                .toString();
    }

    private void writeReport(Path corpus, int preloaded, boolean drained) throws IOException {
        List<String> kinds = List.of("search", "suggest", "fetch", "upload", "batch");
        StringBuilder md = new StringBuilder();
        md.append("# Soak\n\nGenerated by `SoakBenchmarkIT` on ")
                .append(LocalDateTime.now().withNano(0))
                .append(". Command:\n\n```\nflock /tmp/bench.lock mvn -B -q -Des-plugin.skip=true verify")
                .append(" -Dit.test=SoakBenchmarkIT -Dbench=true -Dbench.soak.minutes=")
                .append(MINUTES)
                .append(" -DargLine=-Xmx")
                .append(Runtime.getRuntime().maxMemory() >> 20)
                .append("m -DskipCorpusITs=true -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false\n```\n\n");
        md.append("## Machine\n\n").append(Machine.describe(client)).append("\n\n");
        md.append("## Method\n\n")
                .append(
                        "- The whole service (Spring context, embedded Tomcat on a random loopback port, its managed"
                                + " Elasticsearch node, default heap) with a fresh index, preloaded through the batch path with ")
                .append(preloaded)
                .append(" corpus files (every ")
                .append(SAMPLE)
                .append("th file of each `../shared/corpus` corpus: laws and news as text, party-building pages as raw"
                        + " HTML).\n")
                .append(String.format(
                        "- %d minutes of mixed load, open model: a dispatcher per request class submits request *i*"
                                + " at start + *i* / rate to a worker pool whatever earlier requests are doing; latency"
                                + " runs from that intended time (HdrHistogram), bucketed by the minute it was due.%n",
                        MINUTES))
                .append(String.format(
                        "  - **search** %.1f req/s: `GET /api/search` with the judged query mix (every third with a"
                                + " facet filter), expected 200;%n",
                        SEARCH_RATE))
                .append(String.format(
                        "  - **suggest** %.1f req/s: `GET /api/suggest` with 2–4-character prefixes of the judged"
                                + " queries, expected 200;%n",
                        SUGGEST_RATE))
                .append(String.format(
                        "  - **fetch** %.1f req/s: `GET /api/documents/{id}` of a random known document (preloaded"
                                + " or ingested during the soak), expected 200;%n",
                        FETCH_RATE))
                .append(String.format(
                        "  - **upload** %.2f req/s: `POST /api/documents` of a new generated text file (≈ 800"
                                + " characters cut from a corpus document, with a line unique to the run and file),"
                                + " expected 201 (searchable when it returns);%n",
                        UPLOAD_RATE))
                .append(String.format(
                        "  - **batch** once a minute: %d new generated files written to a directory, `POST"
                                + " /api/batches`, polled every 0.5 s until done; latency is the whole job, and any"
                                + " refused or failed file makes it an error.%n",
                        BATCH_FILES))
                .append("- Error: any status other than the expected one, or an exception (timeout, refused"
                        + " connection).\n")
                .append("- Resources, sampled at the end of each minute: this JVM's heap after GC (the minimum over"
                        + " the minute of the heap used after each collection, from GC notifications: nothing forces a"
                        + " GC), the node's heap used and old generation (`_nodes/stats`), resident memory, open file"
                        + " descriptors and threads of both processes (`/proc`), the machine's load average.\n")
                .append("- This JVM is the service and the load generator both (as in the other benchmarks).\n\n");

        md.append("## Per minute\n\n| min |");
        kinds.forEach(k -> md.append(" ").append(k).append(" req/err |"));
        kinds.forEach(k -> md.append(" ").append(k).append(" p50/p99 ms |"));
        md.append(" heap after GC MB | ES heap / old MB | RSS service / ES MB | fds service / ES | threads service /"
                + " ES | load |\n|---|");
        md.append("---|".repeat(kinds.size() * 2 + 6)).append("\n");
        long totalRequests = 0;
        long totalErrors = 0;
        for (int i = 0; i < minutes.length; i++) {
            Minute m = minutes[i];
            md.append("| ").append(i + 1).append(" |");
            for (String k : kinds) {
                Cell c = m.cell(k);
                totalRequests += c.histogram().getTotalCount();
                totalErrors += c.errors().get();
                md.append(String.format(
                        " %d/%d |", c.histogram().getTotalCount(), c.errors().get()));
            }
            for (String k : kinds) {
                Histogram h = m.cell(k).histogram();
                md.append(String.format(
                        " %.0f/%.0f |", h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0));
            }
            md.append(String.format(
                    " %s | %d / %d | %d / %d | %d / %d | %d / %d | %.1f |%n",
                    m.heapAfterGcMinMb == Long.MAX_VALUE ? "–" : Long.toString(m.heapAfterGcMinMb),
                    m.esHeapMb,
                    m.esOldMb,
                    m.serviceRssMb,
                    m.esRssMb,
                    m.serviceFds,
                    m.esFds,
                    m.serviceThreads,
                    m.esThreads,
                    m.load));
        }

        md.append("\n## Verdicts (computed)\n\n");
        md.append(String.format(
                "- **Errors: %d of %d requests%s.**%s%n",
                totalErrors,
                totalRequests,
                totalErrors == 0 ? " — zero errors" : "",
                drained ? "" : " (some requests were still running 5 min after the end)"));
        errorSamples.forEach(
                (k, v) -> md.append("  - ").append(v).append(" × ").append(k).append("\n"));
        md.append(String.format(
                "- **p99 stability** (p99 of the last two minutes merged ÷ first two minutes merged; stable when ≤"
                        + " %.1f):%n%n| class | first 2 min p99 ms | last 2 min p99 ms | ratio | verdict |%n"
                        + "|---|---|---|---|---|%n",
                STABLE_RATIO));
        for (String k : kinds) {
            Histogram first = merged(k, 0, Math.min(2, MINUTES));
            Histogram last = merged(k, Math.max(0, MINUTES - 2), MINUTES);
            if (first.getTotalCount() == 0 || last.getTotalCount() == 0) {
                continue;
            }
            double ratio = last.getValueAtPercentile(99) / (double) first.getValueAtPercentile(99);
            md.append(String.format(
                    "| %s | %.0f | %.0f | %.2f | %s |%n",
                    k,
                    first.getValueAtPercentile(99) / 1000.0,
                    last.getValueAtPercentile(99) / 1000.0,
                    ratio,
                    ratio <= STABLE_RATIO ? "stable" : "NOT stable"));
        }
        long serviceMax = Runtime.getRuntime().maxMemory() >> 20;
        var node = nodeStats();
        long esMax = node.jvm().mem().heapMaxInBytes() >> 20;
        md.append(String.format(
                "%n- **Memory slope** (least-squares line over the minutes; flat when the growth it projects over an"
                        + " hour is under %.0f %% of the max heap):%n%n| series | slope MB/min | per hour, %% of max"
                        + " heap | verdict |%n|---|---|---|---|%n",
                100 * FLAT_SHARE_PER_HOUR));
        slopeRow(md, "service heap after GC", i -> minutes[i].heapAfterGcMinMb, serviceMax, true);
        // An instantaneous reading, young garbage included: its slope is shown, not judged.
        slopeRow(md, "ES heap used (instantaneous)", i -> minutes[i].esHeapMb, esMax, false);
        slopeRow(md, "ES old generation", i -> minutes[i].esOldMb, esMax, true);
        md.append(String.format(
                "%n- Open files %d → %d (service), %d → %d (ES); threads %d → %d (service), %d → %d (ES), first"
                        + " minute → last.%n",
                minutes[0].serviceFds,
                minutes[MINUTES - 1].serviceFds,
                minutes[0].esFds,
                minutes[MINUTES - 1].esFds,
                minutes[0].serviceThreads,
                minutes[MINUTES - 1].serviceThreads,
                minutes[0].esThreads,
                minutes[MINUTES - 1].esThreads));
        md.append(String.format("- Documents in the index at the end: %d.%n", count()));
        Path out = Path.of("docs/benchmarks/soak.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
        System.out.println(md);
    }

    private long count() throws IOException {
        client.indices().refresh(r -> r.index(indexManager.alias()));
        return client.count(c -> c.index(indexManager.alias())).count();
    }

    private Histogram merged(String kind, int from, int to) {
        Histogram h = new Histogram(600_000_000L, 3);
        for (int i = from; i < to; i++) {
            h.add(minutes[i].cell(kind).histogram());
        }
        return h;
    }

    interface Series {
        long at(int minute);
    }

    private void slopeRow(StringBuilder md, String name, Series series, long maxMb, boolean judged) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < minutes.length; i++) {
            long v = series.at(i);
            if (v >= 0 && v != Long.MAX_VALUE) {
                points.add(new double[] {i + 1, v});
            }
        }
        if (points.size() < 3) {
            md.append("| ").append(name).append(" | too few points | | |\n");
            return;
        }
        double mx = points.stream().mapToDouble(p -> p[0]).average().orElse(0);
        double my = points.stream().mapToDouble(p -> p[1]).average().orElse(0);
        double sxy = points.stream().mapToDouble(p -> (p[0] - mx) * (p[1] - my)).sum();
        double sxx = points.stream().mapToDouble(p -> (p[0] - mx) * (p[0] - mx)).sum();
        double slope = sxy / sxx;
        double share = slope * 60 / maxMb;
        md.append(String.format(
                "| %s | %+.1f | %+.1f %% | %s |%n",
                name, slope, 100 * share, !judged ? "not judged" : share < FLAT_SHARE_PER_HOUR ? "flat" : "GROWING"));
    }

    /** An empty directory (its old content: symbolic links to the corpus, never copies of it). */
    private static void recreate(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir);
    }
}
