package org.policysearch.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
 * and hands the documents to the {@link BulkWriter}, which reports each file's outcome once its bulk item is final.
 * Every Elasticsearch call goes through the {@link RetryPolicy}: an outage makes the run wait, not fail; only past
 * the policy's give-up limit do the remaining files fail, each with {@code search_unavailable}.
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
    private final RetryPolicy retry;
    private final int duplicateCandidates;
    private final int workers;
    private final Instant jobStartedAt;

    /**
     * {@code jobStartedAt} tells a document this job indexed before a restart (its outcome not journalled yet) from
     * one that was there before the job.
     */
    BatchPipeline(
            IngestService ingestService,
            BatchStore batchStore,
            RetryPolicy retry,
            int duplicateCandidates,
            int workers,
            Instant jobStartedAt) {
        this.ingestService = ingestService;
        this.batchStore = batchStore;
        this.retry = retry;
        this.duplicateCandidates = duplicateCandidates;
        this.workers = workers;
        this.jobStartedAt = jobStartedAt;
    }

    /** A new file's analysis: the document, or the outcome that ends it (refused, failed). */
    private record Analysed(String name, PolicyDocument document, BatchJob.FileOutcome outcome) {}

    /**
     * Ingests {@code files} (names relative to {@code root}), passing final outcomes to {@code record}, several at a
     * time; {@code seenIds} are the ids a resumed job wrote before (its INGESTED and DUPLICATE outcomes). Interrupted,
     * it stops early and the files without an outcome are simply not reported.
     */
    void run(Path root, List<String> files, Set<String> seenIds, Consumer<List<BatchJob.FileOutcome>> record)
            throws InterruptedException {
        ExecutorService analysis = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "batch-analysis");
            t.setDaemon(true);
            return t;
        });
        BlockingQueue<List<Future<Analysed>>> chunks = new ArrayBlockingQueue<>(AHEAD);
        Writer writer = new Writer(chunks, record);
        Thread writerThread = new Thread(writer, "batch-writer");
        writerThread.setDaemon(true);
        writerThread.start();
        try {
            Set<String> seen = new HashSet<>(seenIds);
            for (int from = 0; from < files.size(); from += CHUNK) {
                List<String> chunk = files.subList(from, Math.min(files.size(), from + CHUNK));
                chunks.put(submitChunk(root, chunk, seen, analysis, record));
            }
            chunks.put(END);
            writerThread.join();
        } catch (InterruptedException e) {
            writerThread.interrupt();
            throw e;
        } finally {
            analysis.shutdownNow();
        }
    }

    private List<Future<Analysed>> submitChunk(
            Path root,
            List<String> chunk,
            Set<String> seen,
            ExecutorService analysis,
            Consumer<List<BatchJob.FileOutcome>> record)
            throws InterruptedException {
        List<BatchJob.FileOutcome> done = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (String name : chunk) {
            try {
                byte[] bytes = Files.readAllBytes(root.resolve(name));
                names.add(name);
                contents.add(bytes);
                ids.add(IngestService.idOf(OriginalStore.sha256(bytes)));
            } catch (IOException e) {
                log.warn("Batch: cannot read {}", root.resolve(name), e);
                done.add(failed(name, ErrorCode.INTERNAL_ERROR, "The file could not be read"));
            }
        }
        Map<String, PolicyDocument> existing;
        try {
            existing = retry.call("existence check", () -> batchStore.existing(ids));
        } catch (IOException | RuntimeException e) {
            names.forEach(name -> done.add(failedOn(name, e)));
            record.accept(done);
            return List.of();
        }
        List<Future<Analysed>> futures = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String name = names.get(i);
            String id = ids.get(i);
            PolicyDocument known = existing.get(id);
            if (!seen.add(id)) {
                // Identical bytes earlier in this batch.
                String duplicateOf = known == null ? null : known.duplicateOf();
                done.add(new BatchJob.FileOutcome(name, BatchJob.Result.UNCHANGED, id, duplicateOf, null, null));
                continue;
            }
            if (known != null) {
                done.add(new BatchJob.FileOutcome(name, resultOf(known), id, known.duplicateOf(), null, null));
                continue;
            }
            byte[] bytes = contents.get(i);
            String fileName = Path.of(name).getFileName().toString();
            futures.add(analysis.submit(() -> analyse(name, bytes, fileName)));
        }
        record.accept(done);
        return futures;
    }

    /**
     * An indexed document is UNCHANGED, unless this job wrote it before a restart cut it short: then it is what the
     * job made it.
     */
    private BatchJob.Result resultOf(PolicyDocument known) {
        boolean ours =
                known.ingestedAt() != null && !Instant.parse(known.ingestedAt()).isBefore(jobStartedAt);
        if (!ours) {
            return BatchJob.Result.UNCHANGED;
        }
        return known.duplicateOf() == null ? BatchJob.Result.INGESTED : BatchJob.Result.DUPLICATE;
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
            return new Analysed(
                    name, null, failed(name, ErrorCode.INTERNAL_ERROR, "Could not be ingested; see the service log"));
        }
    }

    private static BatchJob.FileOutcome failed(String name, ErrorCode code, String message) {
        return new BatchJob.FileOutcome(name, BatchJob.Result.FAILED, null, null, code.code(), message);
    }

    /** The outcome of a file whose chunk could not be checked against the index. */
    private static BatchJob.FileOutcome failedOn(String name, Exception e) {
        if (e instanceof RetryPolicy.GaveUp) {
            return failed(
                    name, ErrorCode.SEARCH_UNAVAILABLE, "Elasticsearch stayed unavailable past the outage timeout");
        }
        log.warn("Batch: Elasticsearch refused a request for {}", name, e);
        return failed(name, ErrorCode.INTERNAL_ERROR, "Elasticsearch refused the request; see the service log");
    }

    /** The single dedup + write stage: duplicate decisions must see every earlier document, so they are serial. */
    private final class Writer implements Runnable {

        private final BlockingQueue<List<Future<Analysed>>> chunks;
        private final Consumer<List<BatchJob.FileOutcome>> record;

        Writer(BlockingQueue<List<Future<Analysed>>> chunks, Consumer<List<BatchJob.FileOutcome>> record) {
            this.chunks = chunks;
            this.record = record;
        }

        @Override
        public void run() {
            try (BulkWriter bulk = new BulkWriter(batchStore, retry, ingestService, record)) {
                for (List<Future<Analysed>> chunk = next(bulk); chunk != END; chunk = next(bulk)) {
                    write(chunk, bulk);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // stopping: what is not final stays pending
            } catch (ExecutionException e) {
                // Analysis tasks catch everything themselves: this is a bug, not a file's fault.
                throw new IllegalStateException("Analysis task failed", e.getCause());
            }
        }

        /** The next chunk; while none is ready, the documents waiting for a full request are sent. */
        private List<Future<Analysed>> next(BulkWriter bulk) throws InterruptedException {
            List<Future<Analysed>> chunk = chunks.poll();
            if (chunk == null) {
                bulk.flush();
                chunk = chunks.take();
            }
            return chunk;
        }

        private void write(List<Future<Analysed>> chunk, BulkWriter bulk)
                throws InterruptedException, ExecutionException {
            List<BatchJob.FileOutcome> done = new ArrayList<>();
            List<PolicyDocument> documents = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (Future<Analysed> future : chunk) {
                Analysed a = future.get();
                if (a.document() == null) {
                    done.add(a.outcome());
                } else {
                    documents.add(a.document());
                    names.add(a.name());
                }
            }
            List<List<PolicyDocument>> candidates;
            try {
                candidates = retry.call(
                        "duplicate check", () -> batchStore.duplicateCandidates(documents, duplicateCandidates));
            } catch (IOException | RuntimeException e) {
                names.forEach(name -> done.add(failedOn(name, e)));
                record.accept(done);
                return;
            }
            record.accept(done);
            List<PolicyDocument> linked = ingestService.linkDuplicates(documents, candidates);
            for (int i = 0; i < linked.size(); i++) {
                PolicyDocument d = linked.get(i);
                BatchJob.Result result = d.duplicateOf() != null ? BatchJob.Result.DUPLICATE : BatchJob.Result.INGESTED;
                bulk.add(d, new BatchJob.FileOutcome(names.get(i), result, d.id(), d.duplicateOf(), null, null));
            }
        }
    }
}
