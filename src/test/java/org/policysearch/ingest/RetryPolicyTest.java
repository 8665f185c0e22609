package org.policysearch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    /** A clock that only the sleeps move. */
    private long now;

    private final List<Duration> sleeps = new ArrayList<>();
    private final List<String> events = new ArrayList<>();

    private RetryPolicy policy(Duration giveUpAfter, RandomGenerator random) {
        return new RetryPolicy(
                Duration.ofMillis(250),
                Duration.ofSeconds(10),
                giveUpAfter,
                () -> now,
                d -> {
                    sleeps.add(d);
                    now += d.toNanos();
                },
                random,
                new RetryPolicy.Listener() {
                    @Override
                    public void waiting(String reason) {
                        events.add("waiting: " + reason);
                    }

                    @Override
                    public void resumed() {
                        events.add("resumed");
                    }
                });
    }

    private RetryPolicy policy() {
        return policy(Duration.ofMinutes(30), maxJitter());
    }

    /** Jitter that always picks the top of its range, so delays are predictable. */
    private static RandomGenerator maxJitter() {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public long nextLong(long bound) {
                return bound - 1;
            }
        };
    }

    private static ElasticsearchException esError(int status, String type) {
        return new ElasticsearchException(
                "bulk",
                ErrorResponse.of(e -> e.status(status).error(c -> c.type(type).reason(type + " reason"))));
    }

    @Test
    void backoffDoublesFrom250msUpToTheMaximumWithJitterInTheUpperHalf() {
        RetryPolicy top = policy();
        assertThat(List.of(0, 1, 2, 3, 4, 5, 6, 7, 10).stream().map(top::delay).toList())
                .containsExactly(
                        Duration.ofMillis(250),
                        Duration.ofMillis(500),
                        Duration.ofMillis(1000),
                        Duration.ofMillis(2000),
                        Duration.ofMillis(4000),
                        Duration.ofMillis(8000),
                        Duration.ofMillis(10000),
                        Duration.ofMillis(10000),
                        Duration.ofMillis(10000));
        RetryPolicy bottom = policy(Duration.ofMinutes(30), new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public long nextLong(long bound) {
                return 0;
            }
        });
        assertThat(bottom.delay(0)).isEqualTo(Duration.ofMillis(125));
        assertThat(bottom.delay(9)).isEqualTo(Duration.ofMillis(5000));
        RetryPolicy real = policy(Duration.ofMinutes(30), RandomGenerator.getDefault());
        for (int i = 0; i < 100; i++) {
            assertThat(real.delay(3)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
        }
    }

    @Test
    void transientFailuresAreRetriedUntilTheCallSucceeds() throws Exception {
        List<Exception> failures = new ArrayList<>(List.of(
                new ConnectException("Connection refused"),
                esError(503, "unavailable_shards_exception"),
                esError(429, "es_rejected_execution_exception")));
        String result = policy().call("existence check", () -> {
            if (!failures.isEmpty()) {
                Exception e = failures.remove(0);
                if (e instanceof IOException io) {
                    throw io;
                }
                throw (RuntimeException) e;
            }
            return "ok";
        });
        assertThat(result).isEqualTo("ok");
        assertThat(sleeps).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofMillis(1000));
        assertThat(events)
                .containsExactly(
                        "waiting: existence check: ConnectException",
                        "waiting: existence check: 503 unavailable_shards_exception",
                        "waiting: existence check: 429 es_rejected_execution_exception",
                        "resumed");
    }

    @Test
    void permanentFailuresAreNotRetried() {
        assertThatThrownBy(() -> policy().call("duplicate check", () -> {
                    throw esError(400, "parsing_exception");
                }))
                .isInstanceOf(ElasticsearchException.class);
        assertThat(sleeps).isEmpty();
        assertThat(RetryPolicy.isTransient(esError(404, "index_not_found_exception")))
                .isFalse();
        assertThat(RetryPolicy.isTransient(new IOException("reset"))).isTrue();
    }

    @Test
    void bulkResendsOnlyThe429ItemsAndRecordsPermanentFailures() throws Exception {
        FakeSender sender = new FakeSender();
        // First round: b rejected 429, c a mapping error, d rejected 503; then b 429 again; then all fine.
        sender.answers.put("b", new ArrayList<>(List.of(429, 429)));
        sender.answers.put("c", new ArrayList<>(List.of(400)));
        sender.answers.put("d", new ArrayList<>(List.of(503)));
        Results results = new Results();

        List<String> unsent = policy().bulk(List.of("a", "b", "c", "d", "e"), sender, results);

        assertThat(unsent).isEmpty();
        assertThat(sender.requests).containsExactly(List.of("a", "b", "c", "d", "e"), List.of("b", "d"), List.of("b"));
        assertThat(results.acknowledged).containsExactlyInAnyOrder("a", "e", "d", "b");
        assertThat(results.refused).containsExactly("c: mapper_parsing_exception");
        assertThat(sleeps).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(events.get(0))
                .isEqualTo("waiting: Elasticsearch rejected 2 documents (429 es_rejected_execution_exception)");
    }

    @Test
    void aBulkThatFailsAsAWholeIsSentAgainAndA400RefusesEveryItem() throws Exception {
        FakeSender sender = new FakeSender();
        sender.wholeFailures.add(new ConnectException("refused"));
        sender.wholeFailures.add(esError(429, "es_rejected_execution_exception"));
        Results results = new Results();
        assertThat(policy().bulk(List.of("a", "b"), sender, results)).isEmpty();
        assertThat(sender.requests).hasSize(3);
        assertThat(results.acknowledged).containsExactly("a", "b");

        FakeSender refusing = new FakeSender();
        refusing.wholeFailures.add(esError(400, "action_request_validation_exception"));
        Results refused = new Results();
        assertThat(policy().bulk(List.of("x", "y"), refusing, refused)).isEmpty();
        assertThat(refused.refused)
                .containsExactly("x: action_request_validation_exception", "y: action_request_validation_exception");
    }

    @Test
    void givesUpPastTheLimitAndThenAtOnceForEveryCall() throws Exception {
        RetryPolicy policy = policy(Duration.ofMinutes(1), maxJitter());
        FakeSender down = new FakeSender();
        for (int i = 0; i < 1000; i++) {
            down.wholeFailures.add(new ConnectException("refused"));
        }
        Results results = new Results();

        List<String> unsent = policy.bulk(List.of("a", "b"), down, results);

        assertThat(unsent).containsExactly("a", "b");
        assertThat(results.acknowledged).isEmpty();
        assertThat(policy.isGivenUp()).isTrue();
        // 250+500+1000+2000+4000+8000 ms, then 10 s steps until a failure comes at or past 60 s.
        assertThat(now).isGreaterThanOrEqualTo(Duration.ofMinutes(1).toNanos());
        assertThat(now).isLessThan(Duration.ofSeconds(70).toNanos());
        int requests = down.requests.size();

        assertThatThrownBy(() -> policy.call("duplicate check", () -> "never run"))
                .isInstanceOf(RetryPolicy.GaveUp.class);
        assertThat(policy.bulk(List.of("c"), down, results)).containsExactly("c");
        assertThat(down.requests).hasSize(requests);
    }

    @Test
    void progressRestartsTheOutageClock() throws Exception {
        RetryPolicy policy = policy(Duration.ofSeconds(20), maxJitter());
        // 15 s of failures, one success, 15 s of failures again: never 20 s without progress.
        for (int round = 0; round < 2; round++) {
            long start = now;
            String answer = policy.call("existence check", () -> {
                if (now - start < Duration.ofSeconds(15).toNanos()) {
                    throw new ConnectException("refused");
                }
                return "ok";
            });
            assertThat(answer).isEqualTo("ok");
        }
        assertThat(policy.isGivenUp()).isFalse();
        assertThat(events).filteredOn("resumed"::equals).hasSize(2);
    }

    /** Answers each item from a script of statuses (200 once the script is used up), or fails as a whole. */
    private static final class FakeSender implements RetryPolicy.BulkSender<String> {
        final Map<String, List<Integer>> answers = new HashMap<>();
        final List<Exception> wholeFailures = new ArrayList<>();
        final List<List<String>> requests = new ArrayList<>();

        @Override
        public List<RetryPolicy.ItemStatus> send(List<String> items) throws IOException {
            requests.add(List.copyOf(items));
            if (!wholeFailures.isEmpty()) {
                Exception e = wholeFailures.remove(0);
                if (e instanceof IOException io) {
                    throw io;
                }
                throw (RuntimeException) e;
            }
            return items.stream()
                    .map(item -> {
                        List<Integer> script = answers.getOrDefault(item, new ArrayList<>());
                        int status = script.isEmpty() ? 201 : script.remove(0);
                        return switch (status) {
                            case 429 ->
                                new RetryPolicy.ItemStatus(429, "es_rejected_execution_exception", "queue full");
                            case 503 -> new RetryPolicy.ItemStatus(503, "unavailable_shards_exception", "primary");
                            case 400 -> new RetryPolicy.ItemStatus(400, "mapper_parsing_exception", "bad date");
                            default -> RetryPolicy.ItemStatus.ok(status);
                        };
                    })
                    .toList();
        }
    }

    private static final class Results implements RetryPolicy.BulkResults<String> {
        final List<String> acknowledged = new ArrayList<>();
        final List<String> refused = new ArrayList<>();

        @Override
        public void acknowledged(List<String> items) {
            acknowledged.addAll(items);
        }

        @Override
        public void refused(String item, RetryPolicy.ItemStatus status) {
            refused.add(item + ": " + status.type());
        }
    }
}
