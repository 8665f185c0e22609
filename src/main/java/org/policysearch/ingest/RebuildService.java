package org.policysearch.ingest;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.policysearch.dedup.DuplicateResolver;
import org.policysearch.dedup.Fingerprint;
import org.policysearch.index.DocumentStore;
import org.policysearch.index.DuplicateCounts;
import org.policysearch.index.IndexManager;
import org.policysearch.index.PolicyDocument;
import org.policysearch.web.ApiException;
import org.policysearch.web.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Re-runs the current pipeline over every kept original into a new physical index, then points the alias at it. The
 * originals are taken in the order they were received, so duplicates link to the same representatives as before.
 *
 * <p>Nothing is lost silently: when any original is refused or fails now (every kept original is an indexed
 * document: refused uploads are not kept), or the new index holds fewer documents than the live one, the alias is
 * not swapped, the job ends FAILED with the list, and the new index is left for inspection. Uploads during the
 * rebuild go to the live index and their originals are picked up in catch-up rounds before the swap. The
 * representatives' duplicate counts are stored in the new index before the swap too ({@link DuplicateCounts}).
 */
@Service
class RebuildService {

    private static final Logger log = LoggerFactory.getLogger(RebuildService.class);
    /** Catch-up passes for originals uploaded while the rebuild ran. */
    private static final int MAX_CATCH_UP_ROUNDS = 5;

    private final IngestService ingestService;
    private final DuplicateResolver duplicateResolver;
    private final OriginalStore originals;
    private final DocumentStore store;
    private final DuplicateCounts duplicateCounts;
    private final IndexManager indexManager;
    private final Map<String, RebuildJob> jobs = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "rebuild-runner");
        t.setDaemon(true);
        return t;
    });
    private RebuildJob current;

    RebuildService(
            IngestService ingestService,
            DuplicateResolver duplicateResolver,
            OriginalStore originals,
            DocumentStore store,
            DuplicateCounts duplicateCounts,
            IndexManager indexManager) {
        this.ingestService = ingestService;
        this.duplicateResolver = duplicateResolver;
        this.originals = originals;
        this.store = store;
        this.duplicateCounts = duplicateCounts;
        this.indexManager = indexManager;
    }

    /** Starts a rebuild, or returns the one already running: two would race for the alias. */
    synchronized RebuildJob start() {
        if (current != null && current.running()) {
            return current;
        }
        RebuildJob job = new RebuildJob(UUID.randomUUID().toString());
        jobs.put(job.id(), job);
        current = job;
        runner.submit(() -> run(job));
        return job;
    }

    Optional<RebuildJob> get(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    private void run(RebuildJob job) {
        try {
            String target = indexManager.rebuildTarget();
            job.target(target, new ArrayList<>(indexManager.indicesBehindAlias()));
            indexManager.create(target, false);
            RecentDocuments rebuilt = new RecentDocuments(Integer.MAX_VALUE);
            Set<String> done = new HashSet<>();
            Set<String> representatives = new HashSet<>();
            for (int round = 0; round <= MAX_CATCH_UP_ROUNDS; round++) {
                List<String> pending = new ArrayList<>(originals.all());
                pending.removeAll(done);
                if (pending.isEmpty()) {
                    break;
                }
                job.addToTotal(pending.size());
                for (Entry e : inReceivedOrder(pending)) {
                    rebuildOne(job, target, rebuilt, e).ifPresent(representatives::add);
                    done.add(e.info().sha256());
                }
            }
            // Into the new index before the swap: the pipeline writes every document without a count, and the
            // alias must never point at an index whose hits show none.
            int recounted = duplicateCounts.recount(target, representatives, false);
            log.info("Rebuild {} into {}: duplicate counts stored on {} representatives", job.id(), target, recounted);
            store.refresh(target);
            RebuildJob.Status status = job.status();
            long live = store.count(indexManager.alias());
            long built = store.count(target);
            if (!status.problems().isEmpty() || built < live) {
                String why = status.problems().isEmpty()
                        ? "The new index has " + built + " documents, the live one " + live
                        : status.problems().size() + " documents would be lost";
                log.warn("Rebuild {} into {}: {}; alias not swapped", job.id(), target, why);
                job.finish(RebuildJob.State.FAILED, false, why + "; the alias was not swapped");
                return;
            }
            indexManager.forceMergeRebuilt(target);
            indexManager.swapAlias(target);
            job.finish(RebuildJob.State.DONE, true, null);
            log.info("Rebuild {} into {}: {}", job.id(), target, job.status().counts());
        } catch (IOException | RuntimeException e) {
            log.warn("Rebuild {} failed", job.id(), e);
            job.finish(RebuildJob.State.FAILED, false, "The rebuild stopped; see the service log");
        }
    }

    /** Re-ingests one original into {@code target}; answers the representative it duplicates, if it is a copy. */
    private Optional<String> rebuildOne(RebuildJob job, String target, RecentDocuments rebuilt, Entry e) {
        String id = IngestService.idOf(e.info().sha256());
        try {
            PolicyDocument d = ingestService.analyse(e.bytes(), e.info());
            // Linked against what this rebuild wrote so far (exactly the new index's content), in memory: the new
            // index is not refreshed per document.
            Fingerprint fp = Fingerprint.restore(d.exactHash(), d.minhash(), d.lshBands());
            Optional<String> representative =
                    duplicateResolver.representativeOf(fp, rebuilt.candidates(d.exactHash(), d.lshBands()));
            if (representative.isPresent()) {
                d = d.withDuplicateOf(representative.get());
            }
            store.putInto(target, d, false);
            rebuilt.add(d);
            job.record(d.duplicateOf() == null ? RebuildJob.Result.INGESTED : RebuildJob.Result.DUPLICATE);
            return Optional.ofNullable(d.duplicateOf());
        } catch (ApiException refused) {
            job.problem(new RebuildJob.Problem(
                    id,
                    e.info().fileName(),
                    RebuildJob.Result.REFUSED,
                    refused.code().code(),
                    refused.getMessage()));
            return Optional.empty();
        } catch (IOException | RuntimeException failed) {
            log.warn("Rebuild: {} ({}) failed", id, e.info().fileName(), failed);
            job.problem(new RebuildJob.Problem(
                    id,
                    e.info().fileName(),
                    RebuildJob.Result.FAILED,
                    ErrorCode.INTERNAL_ERROR.code(),
                    "Could not be re-indexed; see the service log"));
            return Optional.empty();
        }
    }

    private record Entry(OriginalStore.OriginalInfo info, byte[] bytes, Instant received) {}

    /** Reads the originals (bytes and sidecar) sorted by arrival; one without a sidecar comes last. */
    private List<Entry> inReceivedOrder(List<String> shas) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (String sha : shas) {
            Optional<byte[]> bytes = originals.read(sha);
            if (bytes.isEmpty()) {
                continue; // deleted meanwhile
            }
            OriginalStore.OriginalInfo info = originals
                    .info(sha)
                    .orElse(new OriginalStore.OriginalInfo(sha, null, null, bytes.get().length, null));
            entries.add(new Entry(info, bytes.get(), received(info)));
        }
        entries.sort(Comparator.comparing(Entry::received)
                .thenComparing(e -> e.info().sha256()));
        return entries;
    }

    private static Instant received(OriginalStore.OriginalInfo info) {
        try {
            return info.receivedAt() == null ? Instant.MAX : Instant.parse(info.receivedAt());
        } catch (java.time.format.DateTimeParseException e) {
            return Instant.MAX;
        }
    }
}
