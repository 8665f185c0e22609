package org.policysearch.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A rebuild of the index from the kept originals: counts and every document that did not make it, safe to read. */
final class RebuildJob {

    enum State {
        RUNNING,
        DONE,
        FAILED
    }

    enum Result {
        INGESTED,
        DUPLICATE,
        REFUSED,
        FAILED
    }

    /** An original the current pipeline refuses or cannot read: {@code code} is a stable error code. */
    record Problem(String id, String fileName, Result result, String code, String message) {}

    /**
     * The job as the API shows it.
     *
     * @param target the physical index being filled
     * @param previous what the alias pointed at when the rebuild started
     * @param swapped whether the alias now points at {@code target}
     */
    record Status(
            String id,
            State state,
            String target,
            List<String> previous,
            int total,
            int processed,
            Map<Result, Integer> counts,
            List<Problem> problems,
            boolean swapped,
            String startedAt,
            String finishedAt,
            String error) {}

    private final String id;
    private final String startedAt = Instant.now().toString();
    private final Map<Result, Integer> counts = new EnumMap<>(Result.class);
    private final List<Problem> problems = new ArrayList<>();
    private String target;
    private List<String> previous = List.of();
    private int total;
    private State state = State.RUNNING;
    private boolean swapped;
    private String finishedAt;
    private String error;

    RebuildJob(String id) {
        this.id = id;
        for (Result r : Result.values()) {
            counts.put(r, 0);
        }
    }

    String id() {
        return id;
    }

    synchronized void target(String target, List<String> previous) {
        this.target = target;
        this.previous = List.copyOf(previous);
    }

    synchronized void addToTotal(int more) {
        total += more;
    }

    synchronized void record(Result result) {
        counts.merge(result, 1, Integer::sum);
    }

    synchronized void problem(Problem problem) {
        counts.merge(problem.result(), 1, Integer::sum);
        problems.add(problem);
    }

    synchronized void finish(State state, boolean swapped, String error) {
        this.state = state;
        this.swapped = swapped;
        this.error = error;
        this.finishedAt = Instant.now().toString();
    }

    synchronized boolean running() {
        return state == State.RUNNING;
    }

    synchronized Status status() {
        int processed = counts.values().stream().mapToInt(Integer::intValue).sum();
        return new Status(
                id,
                state,
                target,
                previous,
                total,
                processed,
                new EnumMap<>(counts),
                List.copyOf(problems),
                swapped,
                startedAt,
                finishedAt,
                error);
    }
}
