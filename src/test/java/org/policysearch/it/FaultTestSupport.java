package org.policysearch.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the fault tests share: JSON over HTTP to the service and straight to Elasticsearch, polling with a deadline,
 * and the "nothing lost, nothing twice" check of a finished batch against the index.
 */
final class FaultTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private FaultTestSupport() {}

    record Answer(int status, HttpResponse<String> response) {
        JsonNode json() throws IOException {
            return JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
        }
    }

    static Answer get(URI base, String path, String apiKey) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (apiKey != null) {
            b.header("X-API-Key", apiKey);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r);
    }

    static Answer post(URI base, String path, String apiKey, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (apiKey != null) {
            b.header("X-API-Key", apiKey);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r);
    }

    interface Probe<T> {
        T get() throws Exception;
    }

    /** Polls until {@code done} holds for the probe's answer (probe failures count as "not yet"). */
    static <T> T await(String what, Duration timeout, Probe<T> probe, Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        Exception lastError = null;
        while (System.nanoTime() < deadline) {
            try {
                last = probe.get();
                if (done.test(last)) {
                    return last;
                }
            } catch (IOException e) {
                lastError = e;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Timed out after " + timeout + " waiting for " + what + "; last: " + last, lastError);
    }

    /** Starts a batch over {@code directory} and answers its id. */
    static String startBatch(URI service, String apiKey, String directory) throws Exception {
        Answer started = post(
                service,
                "/api/batches",
                apiKey,
                JSON.createObjectNode().put("directory", directory).toString());
        assertThat(started.status()).as(started.response().body()).isEqualTo(202);
        return started.json().path("id").asText();
    }

    /** Outcomes by file name; fails if a file has two. */
    static Map<String, JsonNode> outcomesByFile(JsonNode status) {
        Map<String, JsonNode> byFile = new HashMap<>();
        for (JsonNode o : status.path("outcomes")) {
            assertThat(byFile.put(o.path("file").asText(), o))
                    .as("a second outcome for " + o.path("file").asText())
                    .isNull();
        }
        return byFile;
    }

    /**
     * The checks every fault test ends with: every file has exactly one outcome, none failed, and the index holds
     * exactly the documents the batch acknowledged (INGESTED, DUPLICATE, UNCHANGED), each found by id, on top of
     * {@code before} documents that were there already; no id is reported written (INGESTED, DUPLICATE) twice. Answers
     * the acknowledged ids.
     */
    static Set<String> assertNothingLost(
            JsonNode status, List<String> files, URI elasticsearch, String alias, long before) throws Exception {
        assertThat(status.path("state").asText()).isEqualTo("DONE");
        Map<String, JsonNode> byFile = outcomesByFile(status);
        assertThat(byFile.keySet()).containsExactlyInAnyOrderElementsOf(files);
        assertThat(status.path("processed").asInt()).isEqualTo(files.size());
        List<String> failed = new ArrayList<>();
        Set<String> acknowledged = new HashSet<>();
        List<String> written = new ArrayList<>();
        for (JsonNode o : byFile.values()) {
            switch (o.path("result").asText()) {
                case "INGESTED", "DUPLICATE" -> {
                    acknowledged.add(o.path("id").asText());
                    written.add(o.path("id").asText());
                }
                case "UNCHANGED" -> acknowledged.add(o.path("id").asText());
                case "REFUSED" -> assertThat(o.path("file").asText()).isEqualTo("empty.txt");
                default -> failed.add(o.toString());
            }
        }
        assertThat(failed).as("failed files").isEmpty();
        assertThat(written).as("ids the batch says it wrote, each once").doesNotHaveDuplicates();

        String ids = JSON.writeValueAsString(Map.of("ids", acknowledged));
        JsonNode mget = JSON.readTree(post(elasticsearch, "/" + alias + "/_mget?_source=false", null, ids)
                .response()
                .body());
        List<String> missing = new ArrayList<>();
        mget.path("docs").forEach(d -> {
            if (!d.path("found").asBoolean()) {
                missing.add(d.path("_id").asText());
            }
        });
        assertThat(missing).as("acknowledged but not in the index").isEmpty();

        post(elasticsearch, "/" + alias + "/_refresh", null, "{}");
        long count = get(elasticsearch, "/" + alias + "/_count", null)
                .json()
                .path("count")
                .asLong();
        assertThat(count).as("documents in the index").isEqualTo(before + acknowledged.size());
        return acknowledged;
    }

    /** Documents behind an alias after a refresh. */
    static long count(URI elasticsearch, String alias) throws Exception {
        post(elasticsearch, "/" + alias + "/_refresh", null, "{}");
        return get(elasticsearch, "/" + alias + "/_count", null)
                .json()
                .path("count")
                .asLong();
    }
}
