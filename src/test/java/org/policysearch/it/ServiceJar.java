package org.policysearch.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The packaged service run as a process, the way a user runs it, for tests that kill it and start it again. */
final class ServiceJar {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServiceJar() {}

    /** A started service: its process and the loopback port it answers on. */
    record Started(Process process, int port) {
        URI uri() {
            return URI.create("http://127.0.0.1:" + port);
        }
    }

    /**
     * Starts {@code target/policy-search-*.jar} on a free port with {@code args}, its output appended to
     * {@code dataDir/service.log}, and waits until its health answers UP (200).
     */
    static Started start(Path dataDir, String apiKey, Duration timeout, String... args) throws Exception {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(p -> p.getFileName().toString().matches("policy-search-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("run after 'mvn package'"));
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dataDir.resolve("service.log").toFile()));
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("API_KEY", apiKey);
        Process p = builder.start();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(10))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("service exited: " + tail(dataDir));
            }
            try {
                if (HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return new Started(p, port);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        p.destroyForcibly();
        throw new IllegalStateException("service not UP within " + timeout + ": " + tail(dataDir));
    }

    /** The last 40 lines of the service's log, for failure messages. */
    static String tail(Path dataDir) throws IOException {
        List<String> lines = Files.readAllLines(dataDir.resolve("service.log"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
