package org.policysearch.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.policysearch.PolicySearchProperties;
import org.policysearch.index.BatchStore;
import org.policysearch.index.DocumentStore;
import org.policysearch.index.DuplicateCounts;
import org.policysearch.index.IndexManager;
import org.policysearch.web.ApiException;
import org.policysearch.web.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Ingests every file under a directory on the server through the bulk {@link BatchPipeline}. A file that fails is
 * recorded with its reason and the batch goes on: one bad file never aborts a batch. Jobs are journalled
 * ({@link BatchJournal}) before they are accepted: finished ones are listed again after a restart, unfinished ones
 * resume by themselves once the index is ready, re-running only the files without a final outcome. At the end of a
 * run the representatives the job touched get their stored duplicate counts ({@link DuplicateCounts}).
 */
@Service
class BatchService {

    private static final Logger log = LoggerFactory.getLogger(BatchService.class);

    private final IngestService ingestService;
    private final DocumentStore store;
    private final BatchStore batchStore;
    private final DuplicateCounts duplicateCounts;
    private final IndexManager indexManager;
    private final IngestProperties properties;
    private final ObjectMapper mapper;
    private final Path journals;
    private final Map<String, Run> jobs = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "batch-runner");
        t.setDaemon(true);
        return t;
    });
    /** Set on shutdown: from then on nothing is recorded, so no file is marked failed because the service stops. */
    private volatile boolean stopping;

    /** A job with its journal and what it was asked to ingest. */
    private record Run(BatchJob job, BatchJournal journal, BatchJournal.Job spec) {}

    BatchService(
            IngestService ingestService,
            DocumentStore store,
            BatchStore batchStore,
            DuplicateCounts duplicateCounts,
            IndexManager indexManager,
            IngestProperties properties,
            PolicySearchProperties policy,
            ObjectMapper mapper) {
        this.ingestService = ingestService;
        this.store = store;
        this.batchStore = batchStore;
        this.duplicateCounts = duplicateCounts;
        this.indexManager = indexManager;
        this.properties = properties;
        this.mapper = mapper;
        this.journals = policy.dataDir().resolve("batches");
    }

    /**
     * Lists the journalled jobs again, before the web server answers, so a job id known before a restart is never
     * 404 after it.
     */
    @PostConstruct
    void load() throws IOException {
        for (BatchJournal.Loaded loaded : BatchJournal.loadAll(journals, mapper)) {
            BatchJournal.Job spec = loaded.job();
            BatchJob job = new BatchJob(
                    spec.id(), spec.directory(), spec.startedAt(), spec.files().size());
            job.record(loaded.outcomes());
            if (loaded.finish() != null) {
                job.finish(
                        loaded.finish().state(),
                        loaded.finish().finishedAt(),
                        loaded.finish().error());
            }
            jobs.put(spec.id(), new Run(job, loaded.journal(), spec));
        }
        applyRetention();
    }

    /** Resumes the unfinished jobs, oldest first; each waits for the index before it goes on. */
    @EventListener(ApplicationReadyEvent.class)
    void resume() {
        jobs.values().stream()
                .filter(r -> !r.job().finished())
                .sorted((a, b) -> a.job().startedAt().compareTo(b.job().startedAt()))
                .forEach(run -> {
                    BatchJob.Status status = run.job().status();
                    log.info(
                            "Batch {} over {} was interrupted with {} of {} files done; resuming it",
                            status.id(),
                            status.directory(),
                            status.processed(),
                            status.total());
                    runner.submit(() -> run(run));
                });
    }

    BatchJob start(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "Not a directory on the server: " + directory);
        }
        List<String> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile)
                    .map(f -> directory.relativize(f).toString())
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            log.warn("Batch: cannot list {}", directory, e);
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "The directory could not be listed: " + directory);
        }
        BatchJournal.Job spec = new BatchJournal.Job(
                UUID.randomUUID().toString(),
                directory.toString(),
                Instant.now().toString(),
                files);
        BatchJournal journal;
        try {
            journal = BatchJournal.create(journals, spec, mapper);
        } catch (IOException e) {
            throw new UncheckedIOException("The batch journal could not be written", e);
        }
        BatchJob job = new BatchJob(spec.id(), spec.directory(), spec.startedAt(), files.size());
        Run run = new Run(job, journal, spec);
        jobs.put(job.id(), run);
        runner.submit(() -> run(run));
        return job;
    }

    Optional<BatchJob> get(String id) {
        return Optional.ofNullable(jobs.get(id)).map(Run::job);
    }

    List<BatchJob.Status> all() {
        return jobs.values().stream()
                .map(r -> r.job().status())
                .sorted((a, b) -> a.startedAt().compareTo(b.startedAt()))
                .toList();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        runner.shutdownNow();
        runner.awaitTermination(10, TimeUnit.SECONDS);
        jobs.values().forEach(r -> closeQuietly(r.journal()));
    }

    private void run(Run run) {
        BatchJob job = run.job();
        RetryPolicy retry =
                RetryPolicy.of(properties.retryMaxDelay(), properties.outageTimeout(), new RetryPolicy.Listener() {
                    @Override
                    public void waiting(String reason) {
                        job.waiting(reason);
                    }

                    @Override
                    public void resumed() {
                        job.resumed();
                    }
                });
        List<String> pending =
                run.spec().files().stream().filter(f -> !job.hasOutcome(f)).toList();
        try {
            retry.call("index", () -> {
                if (!indexManager.isReady()) {
                    throw new IOException("not created yet; is Elasticsearch reachable?");
                }
                return null;
            });
            int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
            // Only what the job wrote: a copy journalled UNCHANGED before a crash may have a twin whose write was
            // not journalled yet, and that twin must still come out INGESTED.
            Set<String> seenIds = job.status().outcomes().stream()
                    .filter(o -> o.result() == BatchJob.Result.INGESTED || o.result() == BatchJob.Result.DUPLICATE)
                    .map(BatchJob.FileOutcome::id)
                    .collect(Collectors.toSet());
            new BatchPipeline(
                            ingestService,
                            batchStore,
                            retry,
                            properties.duplicateCandidates(),
                            workers,
                            Instant.parse(job.startedAt()))
                    .run(Path.of(run.spec().directory()), pending, seenIds, outcomes -> record(run, outcomes));
            // Once per representative, after every write is acknowledged; the refresh below makes them searchable.
            Set<String> representatives = representativesWritten(job);
            retry.call("duplicate counts", () -> duplicateCounts.recount(representatives, false));
            retry.call("refresh", () -> {
                store.refresh();
                return null;
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // stopping: the journal stays unfinished and the job resumes at the next start
        } catch (IOException | RuntimeException e) {
            if (!(e instanceof RetryPolicy.GaveUp)) {
                log.warn("Batch {}: Elasticsearch refused a request", job.id(), e);
            }
        }
        if (stopping) {
            return;
        }
        finish(run, retry.isGivenUp());
    }

    /**
     * The representatives whose counts the job may have changed: those its DUPLICATE outcomes point at, and those it
     * wrote itself (INGESTED), since writing a representative that was already there (a bulk request sent again
     * after a lost answer, an upload of the same bytes at the same time) resets its stored count. A resumed job has
     * the outcomes journalled before the restart too, so a crash between the writes and the recount is recounted;
     * a representative without duplicates costs a multi-get item and an aggregation term, no write.
     */
    private static Set<String> representativesWritten(BatchJob job) {
        return job.status().outcomes().stream()
                .filter(o -> o.result() == BatchJob.Result.INGESTED || o.result() == BatchJob.Result.DUPLICATE)
                .map(o -> o.duplicateOf() != null ? o.duplicateOf() : o.id())
                .collect(Collectors.toSet());
    }

    /** Journals outcomes (durably) before anyone can read them; once stopping, nothing more is final. */
    private void record(Run run, List<BatchJob.FileOutcome> outcomes) {
        if (stopping || outcomes.isEmpty()) {
            return;
        }
        try {
            run.journal().append(outcomes);
        } catch (IOException e) {
            // Not journalled means not final: the file is re-run when the job resumes, which is safe.
            log.error(
                    "Batch {}: the journal could not be written; {} outcomes stay pending",
                    run.job().id(),
                    outcomes.size(),
                    e);
            return;
        }
        run.job().record(outcomes);
    }

    /** Gives every file still without an outcome one (a failure) and marks the job finished. */
    private void finish(Run run, boolean gaveUp) {
        BatchJob job = run.job();
        ErrorCode code = gaveUp ? ErrorCode.SEARCH_UNAVAILABLE : ErrorCode.INTERNAL_ERROR;
        String message = gaveUp
                ? "Elasticsearch stayed unavailable past the outage timeout"
                : "Could not be ingested; see the service log";
        List<BatchJob.FileOutcome> missing = new ArrayList<>();
        for (String file : run.spec().files()) {
            if (!job.hasOutcome(file)) {
                missing.add(new BatchJob.FileOutcome(file, BatchJob.Result.FAILED, null, null, code.code(), message));
            }
        }
        record(run, missing);
        BatchJob.State state = gaveUp ? BatchJob.State.FAILED : BatchJob.State.DONE;
        String error = gaveUp
                ? "Elasticsearch was unavailable for longer than " + properties.outageTimeout()
                        + "; the files not ingested are FAILED with search_unavailable"
                : null;
        job.finish(state, error);
        BatchJob.Status status = job.status();
        try {
            run.journal().finish(new BatchJournal.Finish(state, status.finishedAt(), error));
        } catch (IOException e) {
            log.error("Batch {}: the finish mark could not be written; the job will be resumed", job.id(), e);
        }
        log.info("Batch {} over {}: {} {}", job.id(), run.spec().directory(), state, status.counts());
        applyRetention();
    }

    /** Keeps the journals of the last {@code policy.ingest.batch-retention} finished jobs. */
    private synchronized void applyRetention() {
        List<Run> finished = jobs.values().stream()
                .filter(r -> r.job().finished())
                .sorted((a, b) -> b.job().startedAt().compareTo(a.job().startedAt()))
                .toList();
        for (Run old : finished.subList(Math.min(finished.size(), properties.batchRetention()), finished.size())) {
            try {
                old.journal().delete();
                jobs.remove(old.job().id());
            } catch (IOException e) {
                log.warn(
                        "Batch {}: the old journal could not be deleted",
                        old.job().id(),
                        e);
            }
        }
    }

    private static void closeQuietly(BatchJournal journal) {
        try {
            journal.close();
        } catch (IOException e) {
            log.debug("Closing a batch journal", e);
        }
    }
}
