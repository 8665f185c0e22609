package org.policysearch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.policysearch.web.RateLimitProperties.Budget;

class ClientBucketsTest {

    private final ManualClock clock = new ManualClock();

    /** Search: 2 per second, burst 4; key multiplier 10; everything else at its default. */
    static RateLimitProperties properties(int maxClients) {
        return new RateLimitProperties(true, false, maxClients, 10, new Budget(2, 4), null, null, null, null, null);
    }

    @Test
    void burstIsServedThenRefusedUntilTheBucketRefills() {
        ClientBuckets buckets = new ClientBuckets(properties(100), clock);
        for (int i = 0; i < 4; i++) {
            assertThat(buckets.take("10.0.0.1", EndpointClass.SEARCH, false).allowed())
                    .isTrue();
        }
        ClientBuckets.Decision refused = buckets.take("10.0.0.1", EndpointClass.SEARCH, false);
        assertThat(refused.allowed()).isFalse();
        // Half a second to the next token, told in whole seconds (rounded up, never 0).
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);

        clock.advance(Duration.ofMillis(500));
        assertThat(buckets.take("10.0.0.1", EndpointClass.SEARCH, false).allowed())
                .isTrue();
        assertThat(buckets.take("10.0.0.1", EndpointClass.SEARCH, false).allowed())
                .isFalse();
        clock.advance(Duration.ofSeconds(10));
        for (int i = 0; i < 4; i++) {
            assertThat(buckets.take("10.0.0.1", EndpointClass.SEARCH, false).allowed())
                    .isTrue();
        }
        assertThat(buckets.take("10.0.0.1", EndpointClass.SEARCH, false).allowed())
                .as("the bucket holds at most the burst")
                .isFalse();
    }

    @Test
    void retryAfterCoversTheWholeWaitInSeconds() {
        // jobs default: 1 per second, burst 5
        ClientBuckets buckets = new ClientBuckets(properties(100), clock);
        for (int i = 0; i < 5; i++) {
            buckets.take("10.0.0.1", EndpointClass.JOBS, false);
        }
        clock.advance(Duration.ofMillis(100));
        ClientBuckets.Decision refused = buckets.take("10.0.0.1", EndpointClass.JOBS, false);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        clock.advance(Duration.ofMillis(900));
        assertThat(buckets.take("10.0.0.1", EndpointClass.JOBS, false).allowed())
                .as("a client that waits Retry-After is served")
                .isTrue();
    }

    @Test
    void clientsAndEndpointClassesHaveTheirOwnBudgets() {
        ClientBuckets buckets = new ClientBuckets(properties(100), clock);
        for (int i = 0; i < 4; i++) {
            buckets.take("10.0.0.1", EndpointClass.SEARCH, false);
        }
        assertThat(buckets.take("10.0.0.1", EndpointClass.SEARCH, false).allowed())
                .isFalse();
        assertThat(buckets.take("10.0.0.2", EndpointClass.SEARCH, false).allowed())
                .isTrue();
        assertThat(buckets.take("10.0.0.1", EndpointClass.SUGGEST, false).allowed())
                .isTrue();
    }

    @Test
    void aValidKeyMultipliesTheBudget() {
        ClientBuckets buckets = new ClientBuckets(properties(100), clock);
        int served = 0;
        while (buckets.take("10.0.0.1", EndpointClass.SEARCH, true).allowed()) {
            served++;
        }
        assertThat(served).isEqualTo(40);
    }

    @Test
    void aFloodOfAddressesKeepsTheMapBounded() {
        ClientBuckets buckets = new ClientBuckets(properties(100), clock);
        for (int i = 0; i < 20_000; i++) {
            buckets.take("10.1." + (i / 256) + "." + (i % 256), EndpointClass.SEARCH, false);
        }
        assertThat(buckets.size()).isEqualTo(100);
    }

    @Test
    void theMostRecentlySeenClientsKeepTheirBuckets() {
        ClientBuckets buckets = new ClientBuckets(properties(100), clock);
        for (int i = 0; i < 4; i++) {
            buckets.take("10.0.0.1", EndpointClass.SEARCH, false);
        }
        for (int i = 0; i < 500; i++) {
            buckets.take("10.2.0." + i, EndpointClass.SEARCH, false);
            // the busy client keeps coming back, so it is never the eldest
            assertThat(buckets.take("10.0.0.1", EndpointClass.SEARCH, false).allowed())
                    .isFalse();
        }
    }
}
