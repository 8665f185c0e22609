package org.policysearch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.PolicySearchProperties;
import org.policysearch.index.DocumentStore;
import org.policysearch.index.IndexManager;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The bulk batch path against the real node: duplicates within one batch are found through the in-memory bridge
 * (neither is searchable yet), identical bytes are one document, a file without text is refused with its reason, and
 * a second run over the same directory finds everything by multi-get. A single upload still returns searchable.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            // Its own data directory: a second context (and node) beside the shared one must not share its files.
            "policy.data-dir=target/it-data-batch",
            "policy.ingest.load-samples=false",
            "policy.elasticsearch.managed.heap=512m",
            "API_KEY=it-secret"
        })
class BatchPipelineIT {

    @DynamicPropertySource
    static void alias(DynamicPropertyRegistry registry) {
        String alias = "it-batch-" + UUID.randomUUID().toString().substring(0, 8);
        registry.add("policy.index.alias", () -> alias);
    }

    @Autowired
    BatchService batchService;

    @Autowired
    IngestService ingestService;

    @Autowired
    IndexManager indexManager;

    @Autowired
    ElasticsearchClient client;

    @Autowired
    DocumentStore store;

    @Autowired
    PolicySearchProperties policy;

    @TempDir
    Path dir;

    @Test
    void duplicatesRefusalsAndRerunsAreRecordedPerFile() throws Exception {
        byte[] speechA = fixture("speech-a.txt");
        byte[] speechB = fixture("speech-b.txt");
        // Sorted order is the processing order: a-copy first, then a-same (same text), then a.txt (same bytes).
        Files.write(
                dir.resolve("a-copy.txt"),
                (new String(speechA, StandardCharsets.UTF_8) + "\n\n").getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("a-same.txt"), speechA);
        Files.write(dir.resolve("a.txt"), speechA);
        Files.write(dir.resolve("b.txt"), speechB);
        Files.write(dir.resolve("empty.txt"), new byte[0]);

        Map<String, BatchJob.FileOutcome> first = run();
        assertThat(first.get("a-copy.txt").result()).isEqualTo(BatchJob.Result.INGESTED);
        assertThat(first.get("a-same.txt").result()).isEqualTo(BatchJob.Result.DUPLICATE);
        assertThat(first.get("a-same.txt").duplicateOf())
                .isEqualTo(first.get("a-copy.txt").id());
        assertThat(first.get("a.txt").result()).isEqualTo(BatchJob.Result.UNCHANGED);
        assertThat(first.get("a.txt").id()).isEqualTo(first.get("a-same.txt").id());
        assertThat(first.get("b.txt").result()).isEqualTo(BatchJob.Result.INGESTED);
        assertThat(first.get("empty.txt").result()).isEqualTo(BatchJob.Result.REFUSED);
        assertThat(first.get("empty.txt").code()).isEqualTo("no_text");
        // Searchable once the job is done: three documents (a-copy, a-same/a, b).
        List<String> ids = List.of(
                first.get("a-copy.txt").id(),
                first.get("a-same.txt").id(),
                first.get("b.txt").id());
        assertThat(searchable(ids)).isEqualTo(3);

        Map<String, BatchJob.FileOutcome> second = run();
        assertThat(second.get("a-copy.txt").result()).isEqualTo(BatchJob.Result.UNCHANGED);
        assertThat(second.get("a-same.txt").result()).isEqualTo(BatchJob.Result.UNCHANGED);
        assertThat(second.get("a-same.txt").duplicateOf())
                .isEqualTo(first.get("a-copy.txt").id());
        assertThat(second.get("b.txt").result()).isEqualTo(BatchJob.Result.UNCHANGED);
        assertThat(second.get("empty.txt").result()).isEqualTo(BatchJob.Result.REFUSED);
        assertThat(searchable(ids)).isEqualTo(3);
    }

    @Test
    void aSingleUploadIsSearchableOnReturnAndIdempotent() throws Exception {
        // Not a near-duplicate of the batch test's files: the two tests share the index.
        byte[] upload;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/search/sentences.txt")) {
            upload = in.readAllBytes();
        }
        IngestOutcome created = ingestService.ingest(upload, "upload.txt", null);
        assertThat(created.created()).isTrue();
        String id = created.document().id();
        assertThat(searchable(List.of(id))).isEqualTo(1);
        IngestOutcome again = ingestService.ingest(upload, "upload.txt", null);
        assertThat(again.created()).isFalse();
        assertThat(again.document().id()).isEqualTo(id);
    }

    /**
     * A service killed after its copies' outcomes were journalled but before the batch's recount: the resumed job
     * has no file left to run, and still stores the count from the outcomes in its journal.
     */
    @Test
    void aResumedBatchStoresTheCountOfCopiesJournalledBeforeTheRestart() throws Exception {
        // The same notice in three encodings, none a copy of the other test's files (the tests share the index).
        Path notices = Files.createDirectories(dir.resolve("notices"));
        for (String name : List.of("notice-big5.txt", "notice-gb18030.txt", "notice-utf8.txt")) {
            try (InputStream in = getClass().getResourceAsStream("/fixtures/txt/" + name)) {
                Files.write(notices.resolve(name), in.readAllBytes());
            }
        }
        BatchJob job = await(batchService.start(notices));
        List<BatchJob.FileOutcome> outcomes = job.status().outcomes();
        assertThat(outcomes)
                .extracting(BatchJob.FileOutcome::result)
                .containsOnly(BatchJob.Result.INGESTED, BatchJob.Result.DUPLICATE, BatchJob.Result.DUPLICATE);
        String representative = outcomes.stream()
                .filter(o -> o.result() == BatchJob.Result.INGESTED)
                .findFirst()
                .orElseThrow()
                .id();
        assertThat(store.get(representative).orElseThrow().duplicates()).isEqualTo(2);

        // The state such a crash leaves: the representative as the pipeline wrote it (no count), the job unfinished.
        store.put(store.get(representative).orElseThrow().withDuplicates(null), true);
        assertThat(store.get(representative).orElseThrow().duplicates()).isNull();
        Files.delete(policy.dataDir().resolve("batches").resolve(job.id()).resolve("finished.json"));
        batchService.load();
        batchService.resume();

        BatchJob resumed = await(batchService.get(job.id()).orElseThrow());
        assertThat(resumed.status().outcomes()).hasSize(3);
        assertThat(store.get(representative).orElseThrow().duplicates()).isEqualTo(2);
    }

    /**
     * After a restart the in-memory bridge is empty: a near copy of an indexed document must be found by the index's
     * candidate search alone, on the batch path (one combined search per chunk) and on the upload path.
     */
    @Test
    void aNearCopyOfAnIndexedDocumentIsFoundByTheIndexAlone() throws Exception {
        // Not a near-duplicate of the other tests' files: the tests share the index.
        String text = "关于推进农村生活污水治理和村容村貌提升的工作方案。为改善农村人居环境，建设生态宜居美丽乡村，"
                + "结合全市实际，制定本方案。一、工作目标。到年底，农村生活污水治理率明显提高，乱排乱放得到管控，"
                + "村庄清洁行动常态化开展，村容村貌整体提升。二、重点任务。分类推进污水治理，加强设施运行维护，"
                + "健全长效管护机制，落实县乡村三级责任，广泛动员群众参与，定期开展评估考核并通报结果。";
        Path first = Files.createDirectories(dir.resolve("first"));
        Files.writeString(first.resolve("plan.txt"), text);
        BatchJob.FileOutcome original =
                await(batchService.start(first)).status().outcomes().get(0);
        assertThat(original.result()).isEqualTo(BatchJob.Result.INGESTED);

        ingestService.onAliasSwapped(new IndexManager.AliasSwapped(indexManager.alias(), "as-after-a-restart"));
        Path second = Files.createDirectories(dir.resolve("second"));
        Files.writeString(
                second.resolve("plan-copy.txt"), text.replace("年底", "明年底").replace("定期", "每季度"));
        BatchJob.FileOutcome copy =
                await(batchService.start(second)).status().outcomes().get(0);
        assertThat(copy.result()).isEqualTo(BatchJob.Result.DUPLICATE);
        assertThat(copy.duplicateOf()).isEqualTo(original.id());

        ingestService.onAliasSwapped(new IndexManager.AliasSwapped(indexManager.alias(), "as-after-a-restart"));
        IngestOutcome upload = ingestService.ingest(
                text.replace("全市", "全县").getBytes(StandardCharsets.UTF_8), "plan-upload.txt", null);
        assertThat(upload.document().duplicateOf()).isEqualTo(original.id());
        assertThat(store.get(original.id()).orElseThrow().duplicates()).isEqualTo(2);
    }

    private static BatchJob await(BatchJob job) throws InterruptedException {
        while (!job.finished()) {
            Thread.sleep(50);
        }
        assertThat(job.status().state()).isEqualTo(BatchJob.State.DONE);
        return job;
    }

    private Map<String, BatchJob.FileOutcome> run() throws InterruptedException {
        BatchJob job = batchService.start(dir);
        while (!job.finished()) {
            Thread.sleep(50);
        }
        BatchJob.Status status = job.status();
        assertThat(status.state()).isEqualTo(BatchJob.State.DONE);
        assertThat(status.processed()).isEqualTo(5);
        return status.outcomes().stream().collect(Collectors.toMap(BatchJob.FileOutcome::file, Function.identity()));
    }

    private long searchable(List<String> ids) throws IOException {
        return client.count(c -> c.index(indexManager.alias()).query(q -> q.ids(i -> i.values(ids))))
                .count();
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = BatchPipelineIT.class.getResourceAsStream("/fixtures/dedup/" + name)) {
            return in.readAllBytes();
        }
    }
}
