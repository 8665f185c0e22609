package org.policysearch.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A batch ingestion of a directory: counts and one outcome per file, safe to read while it runs. */
final class BatchJob {

    enum State {
        RUNNING,
        DONE,
        FAILED
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

    /** The job as the API shows it. */
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
            String error) {}

    private final String id;
    private final String directory;
    private final String startedAt = Instant.now().toString();
    private final List<FileOutcome> outcomes = new ArrayList<>();
    private int total;
    private State state = State.RUNNING;
    private String finishedAt;
    private String error;

    BatchJob(String id, String directory) {
        this.id = id;
        this.directory = directory;
    }

    String id() {
        return id;
    }

    synchronized void total(int total) {
        this.total = total;
    }

    synchronized void record(FileOutcome outcome) {
        outcomes.add(outcome);
    }

    synchronized void finish(State state, String error) {
        this.state = state;
        this.error = error;
        this.finishedAt = Instant.now().toString();
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
                error);
    }
}
