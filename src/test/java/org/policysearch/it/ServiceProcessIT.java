package org.policysearch.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.policysearch.SharedData;

/**
 * The foundation's acceptance, as a user meets it: the packaged service started as a process (as root here, so the
 * node runs unprivileged), the five seeds uploaded over HTTP, the searches checked, then the service killed with
 * SIGKILL (no Elasticsearch may survive it) and restarted on the same data directory (the documents are still
 * there), then stopped normally.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceProcessIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dataDir;

    static Process service;
    static int port;
    static final String API_KEY = UUID.randomUUID().toString();
    static final List<String> seedIds = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        // The node account must be able to traverse to the data directory; JUnit's temp dirs are 0700.
        dataDir.toFile().setExecutable(true, false);
        dataDir.toFile().setReadable(true, false);
        service = startService();
    }

    @AfterAll
    static void stop() {
        if (service != null && service.isAlive()) {
            service.destroyForcibly();
        }
    }

    @Test
    @Order(1)
    void healthIsUpWithElasticsearchComponent() throws Exception {
        JsonNode health = get("/actuator/health");
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/elasticsearch/status").asText()).isEqualTo("UP");
    }

    @Test
    @Order(2)
    void seedsAreSearchable() throws Exception {
        Path seeds = SharedData.require("seeds");
        try (Stream<Path> files = Files.list(seeds)) {
            for (Path file : files.sorted().toList()) {
                HttpResponse<String> response = upload(file);
                assertThat(response.statusCode())
                        .as(file + ": " + response.body())
                        .isIn(200, 201);
                seedIds.add(JSON.readTree(response.body()).path("id").asText());
            }
        }
        assertThat(seedIds).hasSize(5);

        assertThat(ids(search("乡村振兴"))).hasSizeGreaterThanOrEqualTo(3);

        Set<String> traditional = ids(search("鄉鎮"));
        assertThat(traditional).isNotEmpty().isEqualTo(ids(search("乡镇")));

        JsonNode party = search("基层党组织");
        List<String> snippets = new ArrayList<>();
        party.path("hits").forEach(h -> h.path("highlights").forEach(s -> snippets.add(s.asText())));
        assertThat(snippets).anyMatch(s -> s.contains("<em>基层党组织</em>"));
    }

    @Test
    @Order(3)
    void writesNeedTheApiKey() throws Exception {
        Path any = Files.createTempFile(dataDir, "doc", ".txt");
        Files.writeString(any, "关于做好基层党建工作的通知");
        HttpResponse<String> response = HTTP.send(multipart(any, null), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(response.body()).path("code").asText()).isEqualTo("unauthorized");
    }

    @Test
    @Order(4)
    void killedServiceLeavesNoNodeAndRestartKeepsDocuments() throws Exception {
        Set<Long> nodePids = elasticsearchPidsUnder(dataDir);
        assertThat(nodePids).isNotEmpty();

        service.destroyForcibly().waitFor();
        awaitGone(nodePids);

        service = startService();
        for (String id : seedIds) {
            assertThat(get("/api/documents/" + id).path("id").asText()).isEqualTo(id);
        }
        assertThat(ids(search("乡村振兴"))).hasSizeGreaterThanOrEqualTo(3);

        Set<Long> restarted = elasticsearchPidsUnder(dataDir);
        service.destroy(); // SIGTERM: the normal stop
        service.waitFor();
        awaitGone(restarted);
    }

    // --- helpers ---

    private static Process startService() throws Exception {
        ServiceJar.Started started = ServiceJar.start(
                dataDir,
                API_KEY,
                Duration.ofMinutes(6),
                "--policy.data-dir=" + dataDir,
                "--policy.elasticsearch.managed.heap=512m",
                "--policy.ingest.load-samples=false");
        port = started.port();
        return started.process();
    }

    private static Set<Long> elasticsearchPidsUnder(Path dir) {
        Set<Long> pids = new HashSet<>();
        ProcessHandle.allProcesses()
                .filter(h -> h.info().commandLine().orElse("").contains(dir.toString()))
                .filter(h -> h.info().commandLine().orElse("").contains("elasticsearch"))
                .forEach(h -> pids.add(h.pid()));
        return pids;
    }

    private static void awaitGone(Set<Long> pids) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline
                && pids.stream()
                        .anyMatch(pid -> ProcessHandle.of(pid)
                                .map(ProcessHandle::isAlive)
                                .orElse(false))) {
            Thread.sleep(500);
        }
        assertThat(pids)
                .as("Elasticsearch processes still alive")
                .noneMatch(
                        pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    private static JsonNode search(String q) throws Exception {
        return get("/api/search?size=20&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    }

    private static Set<String> ids(JsonNode result) {
        Set<String> ids = new HashSet<>();
        result.path("hits").forEach(h -> ids.add(h.path("id").asText()));
        return ids;
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> upload(Path file) throws Exception {
        return HTTP.send(multipart(file, API_KEY), HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest multipart(Path file, String apiKey) throws IOException {
        String boundary = "----policy" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                        + file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + (int) Files.size(file) + tail.length];
        byte[] content = Files.readAllBytes(file);
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/documents"))
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (apiKey != null) {
            builder.header("X-API-Key", apiKey);
        }
        return builder.build();
    }
}
