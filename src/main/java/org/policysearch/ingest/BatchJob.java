package org.policysearch.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A batch ingestion of a directory: counts and one outcome per file, safe to read while it runs. */
final class BatchJob {

    enum State {
        RUNNING,
        /** Elasticsearch is unreachable or pushing back; the job goes on by itself when it answers again. */
        WAITING,
        DONE,
        FAILED;

        boolean finished() {
            return this == DONE || this == FAILED;
        }
    }

    enum Result {
        INGESTED,
        DUPLICATE,
        UNCHANGED,
        REFUSED,
        FAILED
    }

    /** What became of one file; {@code code} and {@code message} explain a refusal or failure. */
    record FileOutcome(String file, Result result, String id, String duplicateOf, String code, String message) {}

    /** The job as the API shows it; {@code waitingFor} says what a WAITING job waits for. */
    record Status(
            String id,
            String directory,
            State state,
            int total,
            int processed,
            Map<Result, Integer> counts,
            List<FileOutcome> outcomes,
            String startedAt,
            String finishedAt,
            String waitingFor,
            String error) {}

    private final String id;
    private final String directory;
    private final String startedAt;
    private final int total;
    private final List<FileOutcome> outcomes = new ArrayList<>();
    private final Set<String> recorded = new HashSet<>();
    private State state = State.RUNNING;
    private String waitingFor;
    private String finishedAt;
    private String error;

    BatchJob(String id, String directory, String startedAt, int total) {
        this.id = id;
        this.directory = directory;
        this.startedAt = startedAt;
        this.total = total;
    }

    String id() {
        return id;
    }

    String startedAt() {
        return startedAt;
    }

    /** Keeps the first outcome of each file: a file is final once, even if a resumed run reaches it again. */
    synchronized void record(List<FileOutcome> batch) {
        for (FileOutcome outcome : batch) {
            if (recorded.add(outcome.file())) {
                outcomes.add(outcome);
            }
        }
    }

    synchronized boolean hasOutcome(String file) {
        return recorded.contains(file);
    }

    synchronized void waiting(String reason) {
        if (!state.finished()) {
            state = State.WAITING;
            waitingFor = reason;
        }
    }

    synchronized void resumed() {
        if (state == State.WAITING) {
            state = State.RUNNING;
            waitingFor = null;
        }
    }

    synchronized boolean finished() {
        return state.finished();
    }

    synchronized void finish(State state, String error) {
        finish(state, Instant.now().toString(), error);
    }

    synchronized void finish(State state, String finishedAt, String error) {
        this.state = state;
        this.waitingFor = null;
        this.error = error;
        this.finishedAt = finishedAt;
    }

    synchronized Status status() {
        Map<Result, Integer> counts = new EnumMap<>(Result.class);
        for (Result r : Result.values()) {
            counts.put(r, 0);
        }
        outcomes.forEach(o -> counts.merge(o.result(), 1, Integer::sum));
        return new Status(
                id,
                directory,
                state,
                total,
                outcomes.size(),
                counts,
                List.copyOf(outcomes),
                startedAt,
                finishedAt,
                waitingFor,
                error);
    }
}
