package org.policysearch.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.policysearch.index.BatchStore;
import org.policysearch.index.DocumentStore;
import org.policysearch.web.ApiException;
import org.policysearch.web.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Ingests every file under a directory on the server through the bulk {@link BatchPipeline}. A file that fails is
 * recorded with its reason and the batch goes on: one bad file never aborts a batch.
 */
@Service
class BatchService {

    private static final Logger log = LoggerFactory.getLogger(BatchService.class);

    private final IngestService ingestService;
    private final DocumentStore store;
    private final BatchStore batchStore;
    private final IngestProperties properties;
    private final Map<String, BatchJob> jobs = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "batch-runner");
        t.setDaemon(true);
        return t;
    });

    BatchService(IngestService ingestService, DocumentStore store, BatchStore batchStore, IngestProperties properties) {
        this.ingestService = ingestService;
        this.store = store;
        this.batchStore = batchStore;
        this.properties = properties;
    }

    BatchJob start(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "Not a directory on the server: " + directory);
        }
        BatchJob job = new BatchJob(UUID.randomUUID().toString(), directory.toString());
        jobs.put(job.id(), job);
        runner.submit(() -> run(job, directory));
        return job;
    }

    Optional<BatchJob> get(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    List<BatchJob.Status> all() {
        return jobs.values().stream().map(BatchJob::status).toList();
    }

    private void run(BatchJob job, Path directory) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            log.warn("Batch {}: cannot list {}", job.id(), directory, e);
            job.finish(BatchJob.State.FAILED, "The directory could not be listed");
            return;
        }
        job.total(files.size());
        int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        try {
            new BatchPipeline(ingestService, batchStore, properties.duplicateCandidates(), workers)
                    .run(directory, files, job::record);
            store.refresh();
            job.finish(BatchJob.State.DONE, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.finish(BatchJob.State.FAILED, "Interrupted");
        } catch (IOException e) {
            log.warn("Batch {} over {} failed", job.id(), directory, e);
            job.finish(BatchJob.State.FAILED, "Elasticsearch did not answer; see the service log");
        }
        BatchJob.Status status = job.status();
        log.info("Batch {} over {}: {}", job.id(), directory, status.counts());
    }
}
