package org.policysearch.ingest;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * How the batch path waits out Elasticsearch outages: transient failures (no connection, timeouts, HTTP
 * 429/502/503/504, bulk items rejected with 429/503) are retried with exponential backoff and jitter until the
 * call succeeds; everything else is permanent. One policy serves one job run and keeps one outage clock for all its
 * threads: the clock starts at the first failure, any progress stops it, and once it has run past the give-up limit
 * every call of the run gives up at once (the job is not stuck retrying file by file for another limit each).
 */
final class RetryPolicy {

    /** Statuses of a whole response or of a bulk item that say "later", not "never". */
    private static final Set<Integer> TRANSIENT_STATUSES = Set.of(429, 502, 503, 504);
    /** Bulk items re-sent alone: the others of their request are final already. */
    private static final Set<Integer> RETRIED_ITEM_STATUSES = Set.of(429, 503);

    private final Duration initialDelay;
    private final Duration maxDelay;
    private final Duration giveUpAfter;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final Listener listener;
    private long outageSince = -1;
    private boolean gaveUp;

    RetryPolicy(
            Duration initialDelay,
            Duration maxDelay,
            Duration giveUpAfter,
            LongSupplier nanoTime,
            Sleeper sleeper,
            RandomGenerator random,
            Listener listener) {
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.giveUpAfter = giveUpAfter;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.random = random;
        this.listener = listener;
    }

    /** The real clock and sleep. */
    static RetryPolicy of(Duration maxDelay, Duration giveUpAfter, Listener listener) {
        return new RetryPolicy(
                Duration.ofMillis(250),
                maxDelay,
                giveUpAfter,
                System::nanoTime,
                d -> Thread.sleep(d.toMillis()),
                RandomGenerator.getDefault(),
                listener);
    }

    interface Sleeper {
        void sleep(Duration delay) throws InterruptedException;
    }

    /** Told when the run starts waiting for Elasticsearch and when it makes progress again. */
    interface Listener {
        void waiting(String reason);

        void resumed();
    }

    interface Call<T> {
        T run() throws IOException;
    }

    /** Elasticsearch stayed unavailable past the give-up limit. */
    static final class GaveUp extends IOException {
        GaveUp(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** One bulk item's answer: {@code status} as Elasticsearch gave it, {@code type} and {@code reason} on error. */
    record ItemStatus(int status, String type, String reason) {
        static ItemStatus ok(int status) {
            return new ItemStatus(status, null, null);
        }

        boolean failed() {
            return type != null;
        }
    }

    /** Sends one bulk request of {@code items} and answers one status per item, in order. */
    interface BulkSender<T> {
        List<ItemStatus> send(List<T> items) throws IOException;
    }

    /** Final answers, passed on as soon as each round of a bulk gets them. */
    interface BulkResults<T> {
        void acknowledged(List<T> items);

        void refused(T item, ItemStatus status);
    }

    /**
     * Runs {@code call} until it succeeds or fails permanently (its exception is rethrown); throws {@link GaveUp}
     * once the outage has lasted past the limit.
     */
    <T> T call(String what, Call<T> call) throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            if (isGivenUp()) {
                throw gaveUp(null);
            }
            try {
                T result = call.run();
                progressed();
                return result;
            } catch (IOException | ElasticsearchException e) {
                if (!isTransient(e)) {
                    throw e;
                }
                failed(what + ": " + describe(e), e);
                sleeper.sleep(delay(attempt));
            }
        }
    }

    /**
     * Sends {@code items} until each one is acknowledged or refused for good; items rejected with 429/503 are
     * re-sent alone. Answers the items still unsent when the outage passed the give-up limit (empty normally).
     */
    <T> List<T> bulk(List<T> items, BulkSender<T> sender, BulkResults<T> results) throws InterruptedException {
        List<T> pending = items;
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (isGivenUp()) {
                return pending;
            }
            List<ItemStatus> statuses;
            try {
                statuses = sender.send(pending);
            } catch (IOException | ElasticsearchException e) {
                if (!isTransient(e)) {
                    ItemStatus refusal = refusalOf(e);
                    pending.forEach(item -> results.refused(item, refusal));
                    progressed();
                    return List.of();
                }
                if (!failedQuietly("bulk of " + pending.size() + " documents: " + describe(e))) {
                    return pending;
                }
                sleeper.sleep(delay(attempt));
                continue;
            }
            List<T> acknowledged = new ArrayList<>();
            List<T> retry = new ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                T item = pending.get(i);
                ItemStatus status = statuses.get(i);
                if (!status.failed()) {
                    acknowledged.add(item);
                } else if (RETRIED_ITEM_STATUSES.contains(status.status())) {
                    retry.add(item);
                } else {
                    results.refused(item, status);
                }
            }
            results.acknowledged(acknowledged);
            if (retry.size() < pending.size()) {
                progressed();
            }
            pending = retry;
            if (!pending.isEmpty()) {
                ItemStatus first = statuses.stream()
                        .filter(s -> RETRIED_ITEM_STATUSES.contains(s.status()))
                        .findFirst()
                        .orElseThrow();
                if (!failedQuietly("Elasticsearch rejected " + pending.size() + " documents (" + first.status() + " "
                        + first.type() + ")")) {
                    return pending;
                }
                sleeper.sleep(delay(attempt));
            }
        }
        return List.of();
    }

    /** The wait before retry number {@code attempt} (0-based): doubling up to the maximum, then jittered. */
    Duration delay(int attempt) {
        long base = initialDelay.toMillis() << Math.min(attempt, 20);
        long capped = Math.min(base, maxDelay.toMillis());
        // "Equal jitter": at least half the step, so retries back off; the random half spreads the threads apart.
        return Duration.ofMillis(capped / 2 + random.nextLong(capped / 2 + 1));
    }

    /** Connection failures, timeouts and "try later" statuses; a bad request or a missing index is not. */
    static boolean isTransient(Exception e) {
        if (e instanceof ElasticsearchException ee) {
            return TRANSIENT_STATUSES.contains(ee.status());
        }
        if (e instanceof TransportException te) {
            return TRANSIENT_STATUSES.contains(te.statusCode());
        }
        return e instanceof IOException;
    }

    synchronized boolean isGivenUp() {
        return gaveUp;
    }

    private static ItemStatus refusalOf(Exception e) {
        if (e instanceof ElasticsearchException ee) {
            return new ItemStatus(ee.status(), ee.error().type(), ee.error().reason());
        }
        int status = e instanceof TransportException te ? te.statusCode() : 0;
        return new ItemStatus(status, "http_" + status, "the bulk request was refused");
    }

    private static String describe(Exception e) {
        if (e instanceof ElasticsearchException ee) {
            return ee.status() + " " + ee.error().type();
        }
        if (e instanceof TransportException te) {
            return "HTTP " + te.statusCode();
        }
        // A plain IOException is the service's own wording (the index is not ready); others are named by type.
        return e.getClass() == IOException.class ? e.getMessage() : e.getClass().getSimpleName();
    }

    private GaveUp gaveUp(Throwable cause) {
        return new GaveUp("Elasticsearch was unavailable for longer than " + giveUpAfter, cause);
    }

    private void failed(String reason, Throwable cause) throws GaveUp {
        if (!failedQuietly(reason)) {
            throw gaveUp(cause);
        }
    }

    /** Registers a failure; false when the outage has now lasted past the limit. */
    private boolean failedQuietly(String reason) {
        synchronized (this) {
            long now = nanoTime.getAsLong();
            if (outageSince < 0) {
                outageSince = now;
            } else if (now - outageSince >= giveUpAfter.toNanos()) {
                gaveUp = true;
            }
            if (gaveUp) {
                return false;
            }
        }
        listener.waiting(reason);
        return true;
    }

    private void progressed() {
        synchronized (this) {
            if (outageSince < 0) {
                return;
            }
            outageSince = -1;
        }
        listener.resumed();
    }
}
