package org.policysearch.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * {@code java -jar policy-search.jar ingest DIR [--url URL] [--api-key KEY] [--source-url URL]}: uploads every file
 * under DIR to a running service, with a progress bar, and prints each refusal and the totals. A failing file never
 * stops the run; the exit code is 1 when any file failed (refusals are answers, not failures).
 */
public final class IngestCommand {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Attempts per file while the service answers 429 or 503 (each waits its Retry-After, at most 60 s). */
    private static final int MAX_ATTEMPTS = 30;

    private IngestCommand() {}

    public static int run(List<String> args, PrintStream out) throws IOException, InterruptedException {
        String url = "http://localhost:" + System.getenv().getOrDefault("SERVER_PORT", "8080");
        String apiKey = System.getenv("API_KEY");
        Path dir = null;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--url" -> url = args.get(++i);
                case "--api-key" -> apiKey = args.get(++i);
                default -> dir = Path.of(args.get(i));
            }
        }
        if (dir == null || !Files.isDirectory(dir)) {
            out.println("usage: ingest DIR [--url http://localhost:8080] [--api-key KEY]");
            return 2;
        }
        if (apiKey == null && Files.exists(Path.of("data", "api-key"))) {
            apiKey = Files.readString(Path.of("data", "api-key")).strip();
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Map<BatchJob.Result, Integer> counts = new EnumMap<>(BatchJob.Result.class);
        List<String> problems = new ArrayList<>();
        ExecutorService pool =
                Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        try (ProgressBar bar = new ProgressBarBuilder()
                .setTaskName("Ingesting")
                .setInitialMax(files.size())
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(out))
                .build()) {
            List<Future<String[]>> results = new ArrayList<>();
            for (Path file : files) {
                String key = apiKey;
                String base = url;
                results.add(pool.submit(() -> upload(http, base, key, file)));
            }
            for (int i = 0; i < files.size(); i++) {
                String[] r;
                try {
                    r = results.get(i).get();
                } catch (java.util.concurrent.ExecutionException e) {
                    r = new String[] {"FAILED", String.valueOf(e.getCause())};
                }
                BatchJob.Result result = BatchJob.Result.valueOf(r[0]);
                counts.merge(result, 1, Integer::sum);
                if (result == BatchJob.Result.REFUSED || result == BatchJob.Result.FAILED) {
                    problems.add(dir.relativize(files.get(i)) + ": " + r[1]);
                }
                bar.step();
            }
        } finally {
            pool.shutdown();
        }
        problems.forEach(p -> out.println("  " + p));
        out.println("Done: " + files.size() + " files " + counts);
        return counts.getOrDefault(BatchJob.Result.FAILED, 0) > 0 ? 1 : 0;
    }

    /**
     * Sends, waiting out refusals that say "later" (429 rate limited, 503 Elasticsearch unavailable) for as long as
     * their {@code Retry-After} asks, so a long run against a busy service does not turn them into failures.
     */
    private static HttpResponse<String> send(HttpClient http, HttpRequest request)
            throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if ((status != 429 && status != 503) || attempt == MAX_ATTEMPTS) {
                return response;
            }
            long seconds = response.headers()
                    .firstValue("Retry-After")
                    .filter(v -> v.matches("\\d{1,4}"))
                    .map(Long::parseLong)
                    .orElse(1L);
            Thread.sleep(Duration.ofSeconds(Math.max(1, Math.min(seconds, 60))).toMillis());
        }
    }

    private static String[] upload(HttpClient http, String url, String apiKey, Path file) {
        try {
            String boundary = "----policy" + UUID.randomUUID();
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                            + file.getFileName().toString().replace("\"", "") + "\"\r\n"
                            + "Content-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + "/api/documents"))
                    .timeout(Duration.ofMinutes(5))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, Files.readAllBytes(file), tail)));
            if (apiKey != null) {
                request.header("X-API-Key", apiKey);
            }
            HttpResponse<String> response = send(http, request.build());
            JsonNode body = JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
            return switch (response.statusCode()) {
                case 201 ->
                    new String[] {
                        body.path("duplicateOf").isTextual() ? "DUPLICATE" : "INGESTED",
                        body.path("id").asText()
                    };
                case 200 -> new String[] {"UNCHANGED", body.path("id").asText()};
                default ->
                    new String[] {
                        response.statusCode() >= 500 || response.statusCode() == 401 ? "FAILED" : "REFUSED",
                        body.path("code").asText("http_" + response.statusCode()) + " "
                                + body.path("detail").asText("")
                    };
            };
        } catch (IOException e) {
            return new String[] {
                "FAILED", "cannot reach " + url + " (" + e.getClass().getSimpleName() + ")"
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new String[] {"FAILED", "interrupted"};
        }
    }
}
