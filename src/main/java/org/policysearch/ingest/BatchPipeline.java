package org.policysearch.ingest;

import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.policysearch.index.BatchStore;
import org.policysearch.index.PolicyDocument;
import org.policysearch.web.ApiException;
import org.policysearch.web.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One batch run as a pipeline: the runner thread reads files in chunks and checks which exist (one multi-get per
 * chunk); analysis workers extract, clean, enrich and fingerprint new files in parallel; a single writer thread
 * resolves duplicates chunk by chunk (one multi-search, then the in-memory bridge of documents not yet searchable)
 * and hands the documents to a bulk ingester, whose listener records each file's outcome from its bulk item.
 */
final class BatchPipeline {

    private static final Logger log = LoggerFactory.getLogger(BatchPipeline.class);

    /** Files per existence check and per duplicate-candidate multi-search. */
    private static final int CHUNK = 100;
    /** Chunks analysed ahead of the writer: enough to keep the workers busy, bounded for memory. */
    private static final int AHEAD = 4;
    /** Marks the end of the chunks (an empty chunk is legitimate: every file unchanged). */
    private static final List<Future<Analysed>> END = new ArrayList<>(0);

    private final IngestService ingestService;
    private final BatchStore batchStore;
    private final int duplicateCandidates;
    private final int workers;

    BatchPipeline(IngestService ingestService, BatchStore batchStore, int duplicateCandidates, int workers) {
        this.ingestService = ingestService;
        this.batchStore = batchStore;
        this.duplicateCandidates = duplicateCandidates;
        this.workers = workers;
    }

    /** A new file's analysis: the document, or the outcome that ends it (refused, failed). */
    private record Analysed(String name, PolicyDocument document, BatchJob.FileOutcome outcome) {}

    /** Ingests {@code files} (under {@code root}), passing one outcome per file to {@code record}. */
    void run(Path root, List<Path> files, Consumer<BatchJob.FileOutcome> record)
            throws IOException, InterruptedException {
        ExecutorService analysis = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "batch-analysis");
            t.setDaemon(true);
            return t;
        });
        BlockingQueue<List<Future<Analysed>>> chunks = new ArrayBlockingQueue<>(AHEAD);
        Writer writer = new Writer(chunks, record);
        Thread writerThread = new Thread(writer, "batch-writer");
        writerThread.start();
        try {
            Set<String> seen = new HashSet<>();
            for (int from = 0; from < files.size(); from += CHUNK) {
                List<Path> chunk = files.subList(from, Math.min(files.size(), from + CHUNK));
                chunks.put(submitChunk(root, chunk, seen, analysis, record));
            }
        } finally {
            chunks.put(END);
            writerThread.join();
            analysis.shutdownNow();
        }
        if (writer.failure != null) {
            throw new IOException("Batch writer failed", writer.failure);
        }
    }

    private List<Future<Analysed>> submitChunk(
            Path root,
            List<Path> chunk,
            Set<String> seen,
            ExecutorService analysis,
            Consumer<BatchJob.FileOutcome> record)
            throws IOException {
        List<String> names = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Path file : chunk) {
            String name = root.relativize(file).toString();
            try {
                byte[] bytes = Files.readAllBytes(file);
                names.add(name);
                contents.add(bytes);
                ids.add(IngestService.idOf(OriginalStore.sha256(bytes)));
            } catch (IOException e) {
                log.warn("Batch: cannot read {}", file, e);
                record.accept(failed(name, "The file could not be read"));
            }
        }
        Map<String, PolicyDocument> existing = batchStore.existing(ids);
        List<Future<Analysed>> futures = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String name = names.get(i);
            String id = ids.get(i);
            PolicyDocument known = existing.get(id);
            if (known != null || !seen.add(id)) {
                // Identical bytes: indexed before, or earlier in this batch.
                String duplicateOf = known == null ? null : known.duplicateOf();
                record.accept(new BatchJob.FileOutcome(name, BatchJob.Result.UNCHANGED, id, duplicateOf, null, null));
                continue;
            }
            byte[] bytes = contents.get(i);
            String fileName = Path.of(name).getFileName().toString();
            futures.add(analysis.submit(() -> analyse(name, bytes, fileName)));
        }
        return futures;
    }

    private Analysed analyse(String name, byte[] bytes, String fileName) {
        try {
            return new Analysed(name, ingestService.keepAndAnalyse(bytes, fileName, null), null);
        } catch (ApiException refused) {
            return new Analysed(
                    name,
                    null,
                    new BatchJob.FileOutcome(
                            name,
                            BatchJob.Result.REFUSED,
                            null,
                            null,
                            refused.code().code(),
                            refused.getMessage()));
        } catch (IOException | RuntimeException e) {
            log.warn("Batch: {} failed", name, e);
            return new Analysed(name, null, failed(name, "Could not be ingested; see the service log"));
        }
    }

    private static BatchJob.FileOutcome failed(String name, String message) {
        return new BatchJob.FileOutcome(
                name, BatchJob.Result.FAILED, null, null, ErrorCode.INTERNAL_ERROR.code(), message);
    }

    /** The single dedup + write stage: duplicate decisions must see every earlier document, so they are serial. */
    private final class Writer implements Runnable, BulkListener<BatchJob.FileOutcome> {

        private final BlockingQueue<List<Future<Analysed>>> chunks;
        private final Consumer<BatchJob.FileOutcome> record;
        private volatile Exception failure;

        Writer(BlockingQueue<List<Future<Analysed>>> chunks, Consumer<BatchJob.FileOutcome> record) {
            this.chunks = chunks;
            this.record = record;
        }

        @Override
        public void run() {
            try (BulkIngester<BatchJob.FileOutcome> ingester = batchStore.ingester(this)) {
                for (List<Future<Analysed>> chunk = take(); chunk != END; chunk = take()) {
                    if (failure == null) {
                        try {
                            write(chunk, ingester);
                        } catch (IOException | RuntimeException e) {
                            log.warn("Batch: the writer failed; the remaining files fail", e);
                            failure = e;
                        }
                    } else {
                        failAll(chunk);
                    }
                }
            }
        }

        private List<Future<Analysed>> take() {
            try {
                return chunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
                return END;
            }
        }

        private void write(List<Future<Analysed>> chunk, BulkIngester<BatchJob.FileOutcome> ingester)
                throws IOException {
            List<PolicyDocument> documents = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (Future<Analysed> future : chunk) {
                Analysed a = await(future);
                if (a.document() == null) {
                    record.accept(a.outcome());
                } else {
                    documents.add(a.document());
                    names.add(a.name());
                }
            }
            List<PolicyDocument> linked = ingestService.linkDuplicates(
                    documents, batchStore.duplicateCandidates(documents, duplicateCandidates));
            for (int i = 0; i < linked.size(); i++) {
                PolicyDocument d = linked.get(i);
                BatchJob.Result result = d.duplicateOf() != null ? BatchJob.Result.DUPLICATE : BatchJob.Result.INGESTED;
                ingester.add(
                        batchStore.indexOperation(d),
                        new BatchJob.FileOutcome(names.get(i), result, d.id(), d.duplicateOf(), null, null));
            }
        }

        /** Analysis tasks catch everything themselves, so only an interrupt ends the wait early. */
        private Analysed await(Future<Analysed> future) {
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Analysis task failed", e.getCause());
            }
        }

        /** After a failure of this stage, the files still coming are failed rather than left unaccounted. */
        private void failAll(List<Future<Analysed>> chunk) {
            for (Future<Analysed> f : chunk) {
                Analysed a = await(f);
                record.accept(
                        a.outcome() != null
                                ? a.outcome()
                                : failed(a.name(), "Could not be ingested; see the service log"));
            }
        }

        @Override
        public void beforeBulk(long executionId, BulkRequest request, List<BatchJob.FileOutcome> contexts) {}

        @Override
        public void afterBulk(
                long executionId, BulkRequest request, List<BatchJob.FileOutcome> contexts, BulkResponse response) {
            List<BulkResponseItem> items = response.items();
            for (int i = 0; i < contexts.size(); i++) {
                BatchJob.FileOutcome outcome = contexts.get(i);
                BulkResponseItem item = items.get(i);
                if (item.error() == null) {
                    record.accept(outcome);
                } else {
                    ingestService.forget(outcome.id());
                    record.accept(new BatchJob.FileOutcome(
                            outcome.file(),
                            BatchJob.Result.FAILED,
                            outcome.id(),
                            null,
                            ErrorCode.INTERNAL_ERROR.code(),
                            "Elasticsearch refused the document: "
                                    + item.error().type() + ": " + item.error().reason()));
                }
            }
        }

        @Override
        public void afterBulk(
                long executionId, BulkRequest request, List<BatchJob.FileOutcome> contexts, Throwable failure) {
            log.warn("Batch: a bulk request of {} documents failed; sending it once more", contexts.size(), failure);
            try {
                afterBulk(executionId, request, contexts, batchStore.resend(request));
                return;
            } catch (IOException | RuntimeException again) {
                log.warn("Batch: the bulk request of {} documents failed again", contexts.size(), again);
            }
            for (BatchJob.FileOutcome outcome : contexts) {
                ingestService.forget(outcome.id());
                record.accept(new BatchJob.FileOutcome(
                        outcome.file(),
                        BatchJob.Result.FAILED,
                        outcome.id(),
                        null,
                        ErrorCode.INTERNAL_ERROR.code(),
                        "Elasticsearch did not answer the write; see the service log"));
            }
        }
    }
}
