package org.policysearch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.policysearch.SharedData;
import org.policysearch.bench.BulkErrors;
import org.policysearch.bench.IndexDocuments;
import org.policysearch.bench.Machine;
import org.policysearch.clean.CleanedText;
import org.policysearch.clean.TextCleaner;
import org.policysearch.dedup.Fingerprinter;
import org.policysearch.extract.DocumentExtractor;
import org.policysearch.extract.Extraction;
import org.policysearch.index.BatchStore;
import org.policysearch.index.IndexManager;
import org.policysearch.index.PolicyDocument;
import org.policysearch.metadata.MetadataExtractor;
import org.policysearch.metadata.MetadataInput;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Ingest throughput benchmark (not a test: nothing timed is asserted). Runs the service's batch path over the shared
 * corpus into a fresh index, and raw bulk indexing of the same documents (those the pipeline produced, read back)
 * with the same mapping into fresh indices: the full mapping and two reduced ones that price each analysis view.
 * Rounds interleave the variants (A/B/A/B) so CPU taken by other processes hits all of them. Writes
 * {@code docs/benchmarks/ingest-throughput.md}.
 *
 * <p>{@code mvn -B -q -Des-plugin.skip=true verify -Dit.test=IngestBenchmarkIT -Dbench=true -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dbench.rounds=N}, {@code -Dbench.copies=N} to repeat the corpus
 * with distinct bytes).
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "policy.data-dir=target/bench-ingest-data",
            "policy.ingest.load-samples=false",
            "policy.elasticsearch.managed.heap=1g",
            "policy.index.alias=bench-ingest",
            "API_KEY=bench-secret"
        })
class IngestBenchmarkIT {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 2);
    private static final int COPIES = Integer.getInteger("bench.copies", 1);
    /** Every n-th file of each corpus: a full round of every variant takes tens of minutes on 2 shared cores. */
    private static final int SAMPLE = Integer.getInteger("bench.sample", 1);
    /**
     * Unmeasured rounds first (the pipeline and raw bulk, full mapping): a long-running service and node have their
     * code paths compiled, a fresh JVM spends a round's worth of CPU in its JIT compilers.
     */
    private static final int WARMUP = Integer.getInteger("bench.warmup", 1);
    /**
     * Also run the pipeline and raw bulk (full mapping) with the service pinned to CPU 0 and the node to CPU 1
     * ({@code taskset}): the two on separate cores, as on separate hosts ({@code -Dbench.split=false} to skip).
     */
    private static final boolean SPLIT = !"false".equals(System.getProperty("bench.split"));

    @Autowired
    BatchService batchService;

    @Autowired
    IndexManager indexManager;

    @Autowired
    BatchStore batchStore;

    @Autowired
    ElasticsearchClient client;

    @Autowired
    ObjectMapper mapper;

    @Autowired
    DocumentExtractor extractor;

    @Autowired
    TextCleaner cleaner;

    @Autowired
    MetadataExtractor metadataExtractor;

    @Autowired
    Fingerprinter fingerprinter;

    /** One measured run. */
    record Run(
            String variant,
            int round,
            int docs,
            long millis,
            long serviceCpu,
            long esCpu,
            double machineBusy,
            Map<String, Long> serviceThreads,
            Map<String, Long> esThreads,
            Map<String, Long> esTimes) {
        double docsPerSecond() {
            return docs * 1000.0 / millis;
        }
    }

    @Test
    void ingestThroughput() throws Exception {
        Path input = prepareInput();
        long inputBytes;
        int files;
        try (Stream<Path> walk = Files.walk(input)) {
            List<Path> all = walk.filter(Files::isRegularFile).toList();
            files = all.size();
            inputBytes = 0;
            for (Path p : all) {
                inputBytes += Files.size(p);
            }
        }
        List<Run> runs = new ArrayList<>();
        stamp = (int) (System.currentTimeMillis() / 1000 % 100000);
        for (int round = 1 - WARMUP; round <= ROUNDS; round++) {
            boolean measured = round >= 1;
            Run pipe = pipeline("service batch path", round, input, "");
            if (produced == null) {
                produced = IndexDocuments.readAll(client, "bench-ingest-pipe-" + stamp + "-" + round);
            }
            List<Run> raws = new ArrayList<>();
            for (String view : measured ? List.of("full", "words", "words+bigram") : List.of("full")) {
                raws.add(raw(view, round, ""));
            }
            if (measured) {
                runs.add(pipe);
                runs.addAll(raws);
            }
            if (measured && SPLIT) {
                // The service on CPU 0, the node on CPU 1: both paths as on two hosts, one core each.
                long es = Machine.elasticsearchPid(client);
                long self = ProcessHandle.current().pid();
                Machine.pin(es, "1");
                Machine.pin(self, "0");
                try {
                    runs.add(pipeline("service batch path, split cores", round, input, "-split"));
                    runs.add(raw("full", round, "-split"));
                } finally {
                    Machine.pin(es, "");
                    Machine.pin(self, "");
                }
            }
        }
        writeReport(files, inputBytes, runs, lastStatus, stageProfile(input));
    }

    private int stamp;
    private List<PolicyDocument> produced;
    private BatchJob.Status lastStatus;

    /** One batch job over the input into a fresh index behind the alias; the last round's index stays there. */
    private Run pipeline(String variant, int round, Path input, String suffix) throws Exception {
        String pipeIndex = "bench-ingest-pipe-" + stamp + "-" + round + suffix;
        java.util.Set<String> previous = indexManager.indicesBehindAlias();
        indexManager.create(pipeIndex, false);
        indexManager.swapAlias(pipeIndex);
        for (String old : previous) {
            client.indices().delete(d -> d.index(old));
        }
        Counters before = counters();
        long start = System.nanoTime();
        BatchJob job = batchService.start(input);
        for (int polls = 0; !job.finished(); polls++) {
            Thread.sleep(20);
            if (polls % 25 == 0) {
                pollThreads(); // the analysis pool's threads end with the job
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        lastStatus = job.status();
        assertThat(lastStatus.state()).isEqualTo(BatchJob.State.DONE);
        int indexed = (int) count(pipeIndex);
        Run run = run(variant, round, indexed, millis, before);
        System.out.printf("round %d %s: %d docs in %d ms %s%n", round, variant, indexed, millis, lastStatus.counts());
        return run;
    }

    /** Raw bulk of the documents the pipeline produced into a fresh index with the full or a reduced mapping. */
    private Run raw(String view, int round, String suffix) throws IOException {
        String rawIndex = "bench-ingest-raw-" + view.replace('+', '-') + "-" + stamp + "-" + round + suffix;
        if (view.equals("full")) {
            indexManager.create(rawIndex, false);
        } else {
            createVariant(rawIndex, view.equals("words+bigram"));
        }
        List<BulkOperation> ops = new ArrayList<>(produced.size());
        for (PolicyDocument d : produced) {
            ops.add(batchStore.indexOperation(d, rawIndex));
        }
        Counters b = counters();
        long s = System.nanoTime();
        int errors = rawBulk(ops, rawIndex);
        long ms = (System.nanoTime() - s) / 1_000_000;
        assertThat(errors).isZero();
        Run run = run(
                "raw bulk, " + view + suffix.replace("-split", ", split cores"), round, (int) count(rawIndex), ms, b);
        System.out.printf("round %d raw %s%s: %d ms%n", round, view, suffix, ms);
        client.indices().delete(d -> d.index(rawIndex));
        return run;
    }

    /** CPU time per analysis stage, one thread, over the same files: where the service's share of the time goes. */
    private String stageProfile(Path input) throws IOException {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] nanos = new long[4];
        List<Path> all;
        try (Stream<Path> walk = Files.walk(input)) {
            all = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : all) {
            byte[] bytes = Files.readAllBytes(file);
            // The extractor parses on its own pool: the CPU time of that pool's threads.
            long e0 = extractorCpu(threads);
            Extraction extraction = extractor.extract(bytes, file.getFileName().toString());
            nanos[0] += extractorCpu(threads) - e0;
            if (!extraction.ok()) {
                continue;
            }
            long t1 = threads.getCurrentThreadCpuTime();
            CleanedText cleaned = cleaner.clean(extraction.text(), null);
            long t2 = threads.getCurrentThreadCpuTime();
            metadataExtractor.extract(new MetadataInput(
                    cleaned.text(), extraction.title(), extraction.metadata(), cleaned.keywordLine(), null, null));
            long t3 = threads.getCurrentThreadCpuTime();
            fingerprinter.fingerprint(cleaned.text());
            long t4 = threads.getCurrentThreadCpuTime();
            nanos[1] += t2 - t1;
            nanos[2] += t3 - t2;
            nanos[3] += t4 - t3;
        }
        String[] names = {"extract (CPU, parse pool)", "clean (CPU)", "metadata (CPU)", "fingerprint (CPU)"};
        StringBuilder md =
                new StringBuilder("| stage | s over " + all.size() + " files | ms per file |\n|---|---|---|\n");
        long total = 0;
        for (int i = 0; i < names.length; i++) {
            md.append(String.format("| %s | %.1f | %.1f |%n", names[i], nanos[i] / 1e9, nanos[i] / 1e6 / all.size()));
            total += nanos[i];
        }
        md.append(String.format("| **analysis total** | %.1f | %.1f |%n", total / 1e9, total / 1e6 / all.size()));
        return md.toString();
    }

    /** CPU time so far of the extractor's parse threads (they come and go: idle ones time out). */
    private static long extractorCpu(java.lang.management.ThreadMXBean threads) {
        long sum = 0;
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("document-extractor-")) {
                sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }

    /** Thread-name prefixes of the service's own threads (kernel names: 15 characters). */
    private static final List<String> SERVICE_THREADS =
            List.of("batch-analysis", "document-extra", "batch-writer", "I/O dispatcher", "main");

    /** Counters at the start of a run: CPU of both JVMs, machine jiffies, CPU by thread kind, the node's times. */
    private record Counters(long[] cpu, Map<String, Long> service, Map<String, Long> es, Map<String, Long> times) {}

    private Run run(String variant, int round, int docs, long millis, Counters before) throws IOException {
        Counters now = counters();
        long[] after = now.cpu();
        long[] b = before.cpu();
        double busy = (after[3] - b[3]) == 0 ? 0 : (after[2] - b[2]) / (double) (after[3] - b[3]);
        return new Run(
                variant,
                round,
                docs,
                millis,
                after[0] - b[0],
                after[1] - b[1],
                busy,
                Machine.minus(now.service(), before.service()),
                Machine.minus(now.es(), before.es()),
                Machine.minus(now.times(), before.times()));
    }

    private Machine.ThreadCpu serviceThreads;
    private Machine.ThreadCpu esThreads;

    private Counters counters() throws IOException {
        if (serviceThreads == null) {
            serviceThreads = new Machine.ThreadCpu(ProcessHandle.current().pid(), SERVICE_THREADS);
            esThreads = new Machine.ThreadCpu(Machine.elasticsearchPid(client), List.of());
        }
        long[] jiffies = Machine.machineJiffies();
        long[] cpu = {Machine.serviceCpuMillis(), Machine.elasticsearchCpuMillis(client), jiffies[0], jiffies[1]};
        pollThreads();
        return new Counters(cpu, serviceThreads.totals(), esThreads.totals(), Machine.elasticsearchTimes(client));
    }

    private void pollThreads() {
        serviceThreads.poll();
        esThreads.poll();
    }

    /** Links to the corpus files (laws and news as text, party-building pages as raw HTML), plus distinct copies. */
    private static Path prepareInput() throws IOException {
        Path corpus = SharedData.require("corpus");
        Path input = Path.of("target/bench-ingest-input").toAbsolutePath();
        if (Files.exists(input)) {
            try (Stream<Path> walk = Files.walk(input)) {
                walk.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
        Map<String, Path> sources = new TreeMap<>(Map.of(
                "laws", corpus.resolve("laws_lawrefbook/docs"),
                "news", corpus.resolve("xinwen_lianbo_cctv/docs"),
                "party", corpus.resolve("party_building_school_site/raw_html")));
        for (var e : sources.entrySet()) {
            Path dir = Files.createDirectories(input.resolve("copy-0").resolve(e.getKey()));
            try (Stream<Path> files = Files.list(e.getValue())) {
                List<Path> sorted = files.sorted().toList();
                for (int i = 0; i < sorted.size(); i += SAMPLE) {
                    Files.createSymbolicLink(dir.resolve(sorted.get(i).getFileName()), sorted.get(i));
                }
            }
            for (int copy = 1; copy < COPIES; copy++) {
                // Distinct bytes (a new id) with the same text: the copies exercise the duplicate check.
                Path copyDir =
                        Files.createDirectories(input.resolve("copy-" + copy).resolve(e.getKey()));
                try (Stream<Path> files = Files.list(e.getValue())) {
                    List<Path> sorted = files.sorted().toList();
                    for (int i = 0; i < sorted.size(); i += SAMPLE) {
                        Path f = sorted.get(i);
                        byte[] bytes = Files.readAllBytes(f);
                        byte[] marker = (f.toString().endsWith(".html")
                                        ? "\n<!-- copy " + copy + " -->\n"
                                        : "\n".repeat(copy))
                                .getBytes(StandardCharsets.UTF_8);
                        byte[] out = java.util.Arrays.copyOf(bytes, bytes.length + marker.length);
                        System.arraycopy(marker, 0, out, bytes.length, marker.length);
                        Files.write(copyDir.resolve(f.getFileName()), out);
                    }
                }
            }
        }
        return input;
    }

    private long count(String index) throws IOException {
        client.indices().refresh(r -> r.index(index));
        return client.count(c -> c.index(index)).count();
    }

    /** The index definition with the text views reduced: words only, or words and bigrams (no char view). */
    private void createVariant(String name, boolean keepBigram) throws IOException {
        ObjectNode json;
        try (InputStream in = getClass().getResourceAsStream("/elasticsearch/policy-docs.json")) {
            json = (ObjectNode) mapper.readTree(in);
        }
        for (String field : List.of("title", "text")) {
            ObjectNode fields = (ObjectNode) json.at("/mappings/properties/" + field + "/fields");
            fields.remove("char");
            if (!keepBigram) {
                fields.remove("bigram");
            }
        }
        client.indices().create(c -> c.index(name).withJson(new StringReader(json.toString())));
    }

    /** The same bulk sizes and concurrency as the batch path, without the pipeline in front. */
    private int rawBulk(List<BulkOperation> ops, String index) throws IOException {
        BulkErrors listener = new BulkErrors();
        try (BulkIngester<Void> ingester = batchStore.ingester(listener)) {
            ops.forEach(ingester::add);
        }
        client.indices().refresh(r -> r.index(index));
        return listener.count();
    }

    private void writeReport(int files, long inputBytes, List<Run> runs, BatchJob.Status status, String stages)
            throws IOException {
        double mb = inputBytes / 1e6;
        StringBuilder md = new StringBuilder();
        md.append("# Ingest throughput\n\n")
                .append("Generated by `IngestBenchmarkIT` on ")
                .append(LocalDateTime.now().withNano(0))
                .append(
                        ". Command:\n\n```\nmvn -B -q -Des-plugin.skip=true verify -Dit.test=IngestBenchmarkIT -Dbench=true")
                .append(" -Dbench.rounds=")
                .append(ROUNDS)
                .append(" -Dbench.copies=")
                .append(COPIES)
                .append(" -Dbench.sample=")
                .append(SAMPLE)
                .append(" -Dbench.warmup=")
                .append(WARMUP)
                .append(" -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false\n```\n\n");
        md.append("## Machine\n\n").append(Machine.describe(client)).append("\n\n");
        md.append("## Method\n\n")
                .append("- Input: ")
                .append(files)
                .append(" files, ")
                .append(String.format("%.1f", mb))
                .append(" MB: `../shared/corpus` laws and news as UTF-8 text, party-building pages as raw HTML");
        if (SAMPLE > 1) {
            md.append(", every ").append(SAMPLE).append("th file of each corpus");
        }
        if (COPIES > 1) {
            md.append(", repeated ")
                    .append(COPIES)
                    .append(" times with distinct bytes (same text: the copies are found as duplicates)");
        }
        md.append(".\n")
                .append(
                        "- **service batch path**: `BatchService` over the directory into a fresh index behind the alias:"
                                + " read + SHA-256, one multi-get per 100 files, extract/clean/metadata/fingerprint on one"
                                + " analysis worker per core, one dedup+write stage (one combined candidate search per 100"
                                + " documents + the in-memory bridge), `BulkIngester` (200 docs or 2 MB per request, 2 concurrent requests),"
                                + " final refresh. The clock runs from the start of the job to its end.\n")
                .append("- **raw bulk**: the documents the pipeline produced (read back from its index), as the same"
                        + " index operations (completion inputs included, bodies prepared before the clock starts),"
                        + " through a `BulkIngester` with the same limits into a fresh index, plus a refresh. `full`"
                        + " is the service's mapping; `words` drops the `.char` and `.bigram` views of `title` and"
                        + " `text`; `words+bigram` drops `.char`. The difference prices each view.\n")
                .append("- Rounds: ")
                .append(ROUNDS)
                .append(" measured after ")
                .append(WARMUP)
                .append(" unmeasured warm-up round(s) of the pipeline and raw bulk (a running service and node have"
                        + " compiled their code paths)")
                .append(", each running every variant in turn (A/B/A/B), so other engineers' builds on the same 2"
                        + " cores slow every variant alike; the machine-busy column is the whole machine's CPU use"
                        + " during the run (all processes), service and ES CPU are the two JVMs' own CPU time.\n")
                .append(
                        SPLIT
                                ? "- **split cores**: after each round's shared runs, the pipeline and raw bulk (full) again with"
                                        + " the service JVM pinned to CPU 0 and the node to CPU 1 (`taskset -a`): each side has"
                                        + " one core of its own, as the service and Elasticsearch have on separate hosts; each"
                                        + " is compared with raw bulk on the same one core.\n"
                                : "")
                .append("- CPU budget = (service + ES CPU of raw bulk) / (service + ES CPU of the pipeline): the ratio"
                        + " the wall clock tends to when both share saturated cores.\n\n");
        md.append("## Runs\n\n| round | variant | docs | s | docs/s | MB/s (input) | service CPU s | ES CPU s |"
                + " cores used (service+ES) | machine busy |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (Run r : runs) {
            md.append(String.format(
                    "| %d | %s | %d | %.1f | %.1f | %.2f | %.1f | %.1f | %.2f | %.0f%% |%n",
                    r.round(),
                    r.variant(),
                    r.docs(),
                    r.millis() / 1000.0,
                    r.docsPerSecond(),
                    mb * 1000 / r.millis(),
                    r.serviceCpu() / 1000.0,
                    r.esCpu() / 1000.0,
                    (r.serviceCpu() + r.esCpu()) / (double) r.millis(),
                    100 * r.machineBusy()));
        }
        md.append("\n## Where the CPU went (CPU-ms per document)\n\n"
                + "Service threads from `/proc/PID/task` (kernel thread names), the node's JIT and GC the same way, and"
                + " the node's own time accounts from `_nodes/stats/indices` (thread time, not exclusive of each other's"
                + " CPU: a merge runs beside indexing).\n\n");
        Run first = runs.get(0);
        md.append("| round | variant | ")
                .append(String.join(
                        " | ",
                        first.serviceThreads().keySet().stream()
                                .map(k -> "svc " + k)
                                .toList()))
                .append(" | ")
                .append(String.join(
                        " | ",
                        first.esThreads().keySet().stream().map(k -> "ES " + k).toList()))
                .append(" | ")
                .append(String.join(
                        " | ",
                        first.esTimes().keySet().stream().map(k -> "ES " + k).toList()))
                .append(" |\n|---|---|")
                .append("---|"
                        .repeat(first.serviceThreads().size()
                                + first.esThreads().size()
                                + first.esTimes().size()))
                .append("\n");
        for (Run r : runs) {
            md.append("| ").append(r.round()).append(" | ").append(r.variant()).append(" |");
            for (Map<String, Long> m : List.of(r.serviceThreads(), r.esThreads(), r.esTimes())) {
                m.values().forEach(v -> md.append(String.format(" %.2f |", v / (double) r.docs())));
            }
            md.append("\n");
        }
        md.append("\n## Summary (mean over rounds)\n\n");
        Map<String, List<Run>> byVariant = new TreeMap<>();
        runs.forEach(r ->
                byVariant.computeIfAbsent(r.variant(), k -> new ArrayList<>()).add(r));
        md.append("| variant | docs/s | MB/s (input) | ratio to raw bulk, full (same cores) |\n|---|---|---|---|\n");
        for (var e : byVariant.entrySet()) {
            double dps = meanDocsPerSecond(e.getValue());
            double ms = e.getValue().stream().mapToLong(Run::millis).average().orElse(1);
            double base = meanDocsPerSecond(byVariant.get(baseOf(e.getKey())));
            md.append(String.format("| %s | %.1f | %.2f | %.2f |%n", e.getKey(), dps, mb * 1000 / ms, dps / base));
        }
        for (String pipeline : List.of("service batch path", "service batch path, split cores")) {
            if (!byVariant.containsKey(pipeline)) {
                continue;
            }
            md.append("\nPer-round ratio ")
                    .append(pipeline)
                    .append(" / ")
                    .append(baseOf(pipeline))
                    .append(": ");
            for (int round = 1; round <= ROUNDS; round++) {
                Run pipe = runOf(runs, round, pipeline);
                Run raw = runOf(runs, round, baseOf(pipeline));
                md.append(String.format(
                        "%s%.2f (CPU budget %.2f)",
                        round > 1 ? ", " : "",
                        pipe.docsPerSecond() / raw.docsPerSecond(),
                        (raw.serviceCpu() + raw.esCpu()) / (double) (pipe.serviceCpu() + pipe.esCpu())));
            }
            md.append('\n');
        }
        md.append("\nOutcomes of the last batch: ").append(status.counts()).append("\n");
        md.append("\n## Service-side stages (one thread, after the rounds)\n\n").append(stages);
        Path out = Path.of("docs/benchmarks/ingest-throughput.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
        System.out.println(md);
    }

    /** The raw-bulk run a variant is compared with: the full mapping on the same cores. */
    private static String baseOf(String variant) {
        return variant.endsWith("split cores") ? "raw bulk, full, split cores" : "raw bulk, full";
    }

    private static Run runOf(List<Run> runs, int round, String variant) {
        return runs.stream()
                .filter(r -> r.round() == round && r.variant().equals(variant))
                .findFirst()
                .orElseThrow();
    }

    private static double meanDocsPerSecond(List<Run> runs) {
        return runs.stream().mapToDouble(Run::docsPerSecond).average().orElse(0);
    }
}
