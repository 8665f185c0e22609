package org.policysearch.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * An open-model load phase: {@code clients} threads, each sending on its own fixed schedule (offset so the clients
 * interleave). A late request is sent at once and its latency still counts from when it should have been sent, so a
 * request queued behind a slow one is charged its wait (no coordinated omission).
 */
final class FixedRate {

    /** One request; throws on any unexpected answer. */
    interface Request {
        void send(int client, int i) throws Exception;
    }

    record Result(Histogram histogram, int errors, long millis) {
        double ms(double percentile) {
            return histogram.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private FixedRate() {}

    static Result run(int clients, double ratePerClient, int perClient, Request request) throws InterruptedException {
        Histogram histogram = new Histogram(120_000_000L, 3);
        AtomicInteger errors = new AtomicInteger();
        long intervalNanos = (long) (1e9 / ratePerClient);
        long start = System.nanoTime() + 50_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                long offset = intervalNanos * client / clients;
                for (int i = 0; i < perClient; i++) {
                    long intended = start + offset + i * intervalNanos;
                    long wait;
                    while ((wait = intended - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    try {
                        request.send(client, i);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    long micros = (System.nanoTime() - intended) / 1000;
                    synchronized (histogram) {
                        histogram.recordValue(Math.min(micros, histogram.getHighestTrackableValue()));
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        return new Result(histogram, errors.get(), (System.nanoTime() - start) / 1_000_000);
    }
}
