package org.policysearch.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code java -jar policy-search.jar rebuild [--url URL] [--api-key KEY]}: asks a running service to re-ingest its
 * kept originals into a new index version and swap the alias, then polls the job and prints progress, the documents
 * that did not make it, and the result. Exit code 0 when the alias was swapped, 1 otherwise.
 */
public final class RebuildCommand {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofSeconds(2);

    private RebuildCommand() {}

    public static int run(List<String> args, PrintStream out) throws IOException, InterruptedException {
        String url = "http://localhost:" + System.getenv().getOrDefault("SERVER_PORT", "8080");
        String apiKey = System.getenv("API_KEY");
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--url" -> url = args.get(++i);
                case "--api-key" -> apiKey = args.get(++i);
                default -> {
                    out.println("usage: rebuild [--url http://localhost:8080] [--api-key KEY]");
                    return 2;
                }
            }
        }
        if (apiKey == null && Files.exists(Path.of("data", "api-key"))) {
            apiKey = Files.readString(Path.of("data", "api-key")).strip();
        }
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> started;
        try {
            started = http.send(
                    request(url + "/api/admin/rebuild", apiKey)
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            out.println("Cannot reach " + url + " (" + e.getClass().getSimpleName() + ")");
            return 1;
        }
        JsonNode status = JSON.readTree(started.body().isEmpty() ? "{}" : started.body());
        if (started.statusCode() != 202) {
            out.println("Rebuild not started: HTTP " + started.statusCode() + " "
                    + status.path("code").asText("") + " "
                    + status.path("detail").asText(""));
            return 1;
        }
        String id = status.path("id").asText();
        out.println("Rebuild " + id + " into " + status.path("target").asText("(new index)"));
        String last = "";
        while (status.path("state").asText().equals("RUNNING")) {
            Thread.sleep(POLL.toMillis());
            HttpResponse<String> polled = http.send(
                    request(url + "/api/admin/rebuild/" + id, apiKey).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            status = JSON.readTree(polled.body());
            String progress = status.path("processed").asInt() + "/"
                    + status.path("total").asInt();
            if (!progress.equals(last)) {
                out.println("  " + progress + " " + status.path("counts"));
                last = progress;
            }
        }
        for (JsonNode p : status.path("problems")) {
            out.println("  " + p.path("id").asText() + " " + p.path("fileName").asText() + ": "
                    + p.path("code").asText() + " " + p.path("message").asText());
        }
        boolean swapped = status.path("swapped").asBoolean();
        out.println(
                swapped
                        ? "Done: alias now points at " + status.path("target").asText() + " " + status.path("counts")
                        : "Failed: " + status.path("error").asText("unknown") + " " + status.path("counts"));
        return swapped ? 0 : 1;
    }

    private static HttpRequest.Builder request(String uri, String apiKey) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30));
        return apiKey == null ? b : b.header("X-API-Key", apiKey);
    }
}
