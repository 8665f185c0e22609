package org.policysearch.ingest;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.policysearch.index.BatchStore;
import org.policysearch.index.PolicyDocument;
import org.policysearch.web.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batch's bulk writes: documents are grouped into requests of at most {@link BatchStore#BULK_DOCS} documents or
 * about {@link BatchStore#BULK_BYTES}, at most {@link BatchStore#BULK_CONCURRENCY} in flight, each sent under the
 * {@link RetryPolicy} until every document in it is final. A file's outcome is reported only then. (The client's
 * {@code BulkIngester} retries only 429 items, not a request that failed as a whole, which is what an outage is.)
 */
final class BulkWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BulkWriter.class);

    private record Pending(BulkOperation operation, BatchJob.FileOutcome outcome) {}

    private final BatchStore store;
    private final RetryPolicy retry;
    private final IngestService ingestService;
    private final Consumer<List<BatchJob.FileOutcome>> record;
    private final Semaphore inFlight = new Semaphore(BatchStore.BULK_CONCURRENCY);
    private final ExecutorService senders = Executors.newFixedThreadPool(BatchStore.BULK_CONCURRENCY, r -> {
        Thread t = new Thread(r, "batch-bulk");
        t.setDaemon(true);
        return t;
    });
    private List<Pending> buffer = new ArrayList<>();
    private long bufferBytes;

    BulkWriter(
            BatchStore store,
            RetryPolicy retry,
            IngestService ingestService,
            Consumer<List<BatchJob.FileOutcome>> record) {
        this.store = store;
        this.retry = retry;
        this.ingestService = ingestService;
        this.record = record;
    }

    /** Queues a document; {@code outcome} is what its file becomes once Elasticsearch acknowledges it. */
    void add(PolicyDocument document, BatchJob.FileOutcome outcome) throws InterruptedException {
        long bytes = BatchStore.requestBytes(document);
        if (!buffer.isEmpty() && bufferBytes + bytes > BatchStore.BULK_BYTES) {
            flush();
        }
        buffer.add(new Pending(store.indexOperation(document), outcome));
        bufferBytes += bytes;
        if (buffer.size() >= BatchStore.BULK_DOCS) {
            flush();
        }
    }

    /** Sends what is queued, waiting while both requests are in flight. */
    void flush() throws InterruptedException {
        if (buffer.isEmpty()) {
            return;
        }
        List<Pending> request = buffer;
        buffer = new ArrayList<>();
        bufferBytes = 0;
        inFlight.acquire();
        try {
            senders.execute(() -> {
                try {
                    send(request);
                } finally {
                    inFlight.release();
                }
            });
        } catch (RuntimeException e) {
            inFlight.release();
            throw e;
        }
    }

    /** Flushes and waits for every request; interrupted, it abandons them (their files stay pending). */
    @Override
    public void close() throws InterruptedException {
        try {
            flush();
            senders.shutdown();
            while (!senders.awaitTermination(1, TimeUnit.MINUTES)) {
                log.info("Batch: waiting for the last bulk requests");
            }
        } finally {
            senders.shutdownNow();
        }
    }

    private void send(List<Pending> request) {
        List<Pending> unsent;
        try {
            unsent = retry.bulk(request, this::sendOnce, new RetryPolicy.BulkResults<>() {
                @Override
                public void acknowledged(List<Pending> items) {
                    record.accept(items.stream().map(Pending::outcome).toList());
                }

                @Override
                public void refused(Pending item, RetryPolicy.ItemStatus status) {
                    ingestService.forget(item.outcome().id());
                    record.accept(List.of(failed(
                            item.outcome(),
                            ErrorCode.INDEX_REJECTED,
                            "Elasticsearch refused the document: " + status.type() + ": " + status.reason())));
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // stopping: the files stay pending and are re-run when the job resumes
        } catch (RuntimeException e) {
            log.warn("Batch: a bulk request of {} documents failed", request.size(), e);
            request.forEach(p -> ingestService.forget(p.outcome().id()));
            record.accept(request.stream()
                    .map(p ->
                            failed(p.outcome(), ErrorCode.INTERNAL_ERROR, "Could not be indexed; see the service log"))
                    .toList());
            return;
        }
        unsent.forEach(p -> ingestService.forget(p.outcome().id()));
        record.accept(unsent.stream()
                .map(p -> failed(
                        p.outcome(),
                        ErrorCode.SEARCH_UNAVAILABLE,
                        "Elasticsearch stayed unavailable past the outage timeout"))
                .toList());
    }

    private List<RetryPolicy.ItemStatus> sendOnce(List<Pending> items) throws IOException {
        List<BulkResponseItem> response =
                store.bulk(items.stream().map(Pending::operation).toList());
        return response.stream()
                .map(i -> i.error() == null
                        ? RetryPolicy.ItemStatus.ok(i.status())
                        : new RetryPolicy.ItemStatus(
                                i.status(), i.error().type(), i.error().reason()))
                .toList();
    }

    private static BatchJob.FileOutcome failed(BatchJob.FileOutcome planned, ErrorCode code, String message) {
        return new BatchJob.FileOutcome(
                planned.file(), BatchJob.Result.FAILED, planned.id(), null, code.code(), message);
    }
}
