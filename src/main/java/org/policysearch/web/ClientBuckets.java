package org.policysearch.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets per client address, endpoint class and key status (Bucket4j, in memory). The map is bounded: past
 * {@code maxClients} addresses the least recently seen is dropped, so a flood of addresses costs a fixed amount of
 * memory (a dropped client simply starts again with a full bucket).
 */
final class ClientBuckets {

    /** What one request got: allowed, or refused with the whole seconds until a token is back. */
    record Decision(boolean allowed, long retryAfterSeconds) {}

    private final RateLimitProperties properties;
    private final TimeMeter clock;
    private final Map<String, Bucket[]> clients;

    ClientBuckets(RateLimitProperties properties, TimeMeter clock) {
        this.properties = properties;
        this.clock = clock;
        int max = properties.maxClients();
        this.clients = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket[]> eldest) {
                return size() > max;
            }
        };
    }

    Decision take(String client, EndpointClass endpoint, boolean keyed) {
        ConsumptionProbe probe = bucket(client, endpoint, keyed).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return new Decision(true, 0);
        }
        long nanos = probe.getNanosToWaitForRefill();
        return new Decision(false, Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }

    int size() {
        synchronized (clients) {
            return clients.size();
        }
    }

    private Bucket bucket(String client, EndpointClass endpoint, boolean keyed) {
        int slot = endpoint.ordinal() * 2 + (keyed ? 1 : 0);
        synchronized (clients) {
            Bucket[] buckets = clients.computeIfAbsent(client, c -> new Bucket[EndpointClass.values().length * 2]);
            if (buckets[slot] == null) {
                buckets[slot] = newBucket(properties.budget(endpoint), keyed ? properties.keyMultiplier() : 1);
            }
            return buckets[slot];
        }
    }

    private Bucket newBucket(RateLimitProperties.Budget budget, int multiplier) {
        Bandwidth limit = Bandwidth.builder()
                .capacity(budget.burst() * multiplier)
                .refillGreedy(budget.perSecond() * multiplier, Duration.ofSeconds(1))
                .build();
        return Bucket.builder().addLimit(limit).withCustomTimePrecision(clock).build();
    }
}
