package org.policysearch.es;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;

/**
 * One Elasticsearch node on 127.0.0.1, run as a child process of the service: unpacked from the distribution,
 * the project's analysis plugin installed, data and logs under the data directory, stopped with the service.
 */
public final class ManagedElasticsearch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ManagedElasticsearch.class);
    static final String PLUGIN_RESOURCE = "elasticsearch/policy-analysis.zip";

    private final ManagedElasticsearchProperties properties;
    private final Path baseDir;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile Process process;
    private int httpPort;

    ManagedElasticsearch(ManagedElasticsearchProperties properties, Path baseDir) {
        this.properties = properties;
        this.baseDir = baseDir;
    }

    /** Starts the node and blocks until it reports yellow health. */
    void start() throws IOException {
        NodeAccount account = NodeAccount.detect(properties.runAs());
        Path base = account.canTraverse(baseDir) ? baseDir : fallbackBase(baseDir);
        Files.createDirectories(base);
        Path home = new ElasticsearchDistribution(properties).install(base);
        Path config = base.resolve("config");
        Path data = base.resolve("data");
        Path logs = base.resolve("logs");
        Path pidFile = base.resolve("run").resolve("elasticsearch.pid");
        Files.createDirectories(data);
        Files.createDirectories(logs);
        Files.createDirectories(pidFile.getParent());
        killStale(pidFile);
        if (!Files.isDirectory(config)) {
            FileTrees.copyRecursively(home.resolve("config"), config);
        }
        httpPort = properties.httpPort() != 0 ? properties.httpPort() : freePort();
        writeConfig(config, data, logs, httpPort, freePort());
        account.own(base);
        installPlugin(account, home, config, base);

        List<String> command = new ArrayList<>(account.commandPrefix());
        command.addAll(List.of(home.resolve("bin/elasticsearch").toString(), "-p", pidFile.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        logs.resolve("console.log").toFile()));
        environment(builder.environment(), config);
        log.info(
                "Starting managed Elasticsearch {} on http://127.0.0.1:{} (data {}, logs {}, heap {})",
                properties.version(),
                httpPort,
                data,
                logs,
                properties.heap());
        process = launch(builder);
        awaitHealthy(logs);
        log.info("Managed Elasticsearch is up on http://127.0.0.1:{}", httpPort);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    public boolean isRunning() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** The node's server JVM and its launcher, for tests that check nothing is left behind. */
    public List<ProcessHandle> processes() {
        Process p = process;
        if (p == null) {
            return List.of();
        }
        List<ProcessHandle> all = new ArrayList<>();
        all.add(p.toHandle());
        p.descendants().forEach(all::add);
        return all;
    }

    @Override
    public void close() {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        log.info("Stopping managed Elasticsearch");
        List<ProcessHandle> tree = processes();
        p.destroy();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                log.warn("Elasticsearch did not stop within 60s; killing it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tree.forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * The process is started from a thread that lives exactly as long as the node: the kernel's parent-death
     * signal follows the launching thread, so a pool thread that ended would take the node down with it.
     */
    private static Process launch(ProcessBuilder builder) throws IOException {
        CompletableFuture<Process> started = new CompletableFuture<>();
        Thread launcher = new Thread(
                () -> {
                    Process p;
                    try {
                        p = builder.start();
                    } catch (IOException | RuntimeException e) {
                        started.completeExceptionally(e);
                        return;
                    }
                    started.complete(p);
                    try {
                        int rc = p.waitFor();
                        log.info("Managed Elasticsearch exited with code {}", rc);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "managed-elasticsearch");
        launcher.setDaemon(true);
        launcher.start();
        try {
            return started.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException("Could not start Elasticsearch", e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("Elasticsearch process did not start within 30s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while starting Elasticsearch", e);
        }
    }

    private void awaitHealthy(Path logs) throws IOException {
        long deadline = System.nanoTime() + properties.startupTimeout().toNanos();
        URI health = URI.create(uri() + "/_cluster/health?wait_for_status=yellow&timeout=2s");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("Elasticsearch exited during startup (code " + process.exitValue() + "); see "
                        + logs.resolve("console.log") + "\n" + tail(logs.resolve("console.log")));
            }
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(health)
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // connection refused until the HTTP layer is up
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for Elasticsearch", e);
            }
            sleep(500);
        }
        close();
        throw new IOException("Elasticsearch was not healthy within " + properties.startupTimeout() + "; see "
                + logs.resolve("console.log"));
    }

    private void writeConfig(Path config, Path data, Path logs, int http, int transport) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("cluster.name", "policy-search");
        settings.put("node.name", "policy-search-managed");
        settings.put("path.data", data.toString());
        settings.put("path.logs", logs.toString());
        // Loopback only: the managed node has security off, so nothing outside this machine may reach it.
        settings.put("network.host", "127.0.0.1");
        settings.put("http.port", Integer.toString(http));
        settings.put("transport.port", Integer.toString(transport));
        settings.put("discovery.type", "single-node");
        settings.put("xpack.security.enabled", "false");
        settings.put("action.destructive_requires_name", "true");
        settings.putAll(properties.settings());
        String yaml = settings.entrySet().stream()
                .map(e ->
                        e.getKey() + ": \"" + e.getValue().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining("\n", "# Written by policy-search at each start; edits are lost.\n", "\n"));
        Files.writeString(config.resolve("elasticsearch.yml"), yaml);
        Files.writeString(
                config.resolve("jvm.options.d").resolve("heap.options"),
                "-Xms" + properties.heap() + "\n-Xmx" + properties.heap() + "\n");
    }

    private void environment(Map<String, String> env, Path config) {
        env.put("ES_JAVA_HOME", properties.effectiveJavaHome().toString());
        env.put("ES_PATH_CONF", config.toString());
        env.remove("JAVA_HOME");
        env.remove("ES_JAVA_OPTS");
    }

    /** Installs the bundled analysis plugin, again whenever its bytes change. */
    private void installPlugin(NodeAccount account, Path home, Path config, Path base) throws IOException {
        ClassPathResource resource = new ClassPathResource(PLUGIN_RESOURCE);
        if (!resource.exists()) {
            throw new IOException("The analysis plugin is missing from the service (" + PLUGIN_RESOURCE
                    + "): build with 'mvn package', which builds es-plugin/ too");
        }
        byte[] zip;
        try (InputStream in = resource.getInputStream()) {
            zip = in.readAllBytes();
        }
        String sha = sha256(zip);
        Path marker = base.resolve("run").resolve("policy-analysis.sha256");
        Path installed = home.resolve("plugins").resolve("policy-analysis");
        if (Files.isDirectory(installed)
                && Files.exists(marker)
                && Files.readString(marker).trim().equals(sha)) {
            return;
        }
        Path copy = base.resolve("run").resolve("policy-analysis.zip");
        Files.write(copy, zip);
        account.own(base);
        if (Files.isDirectory(installed)) {
            runTool(account, home, config, List.of("remove", "policy-analysis"));
        }
        runTool(
                account,
                home,
                config,
                List.of("install", "--batch", copy.toUri().toString()));
        Files.writeString(marker, sha);
        log.info("Installed the policy-analysis plugin ({}) into {}", sha.substring(0, 12), home);
    }

    private void runTool(NodeAccount account, Path home, Path config, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(account.commandPrefix());
        command.add(home.resolve("bin/elasticsearch-plugin").toString());
        command.addAll(args);
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
        environment(builder.environment(), config);
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) {
                throw new IOException("elasticsearch-plugin " + args + " failed:\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted", e);
        }
    }

    /**
     * A node left by a service that was killed before it could stop it holds the data lock: end it. A node that this
     * very service started (another context on the same data directory) is no leftover: refuse instead.
     */
    private static void killStale(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        String pid = Files.readString(pidFile).trim();
        Optional<ProcessHandle> stale = pid.matches("\\d+") ? ProcessHandle.of(Long.parseLong(pid)) : Optional.empty();
        Optional<ProcessHandle> running = stale.filter(ProcessHandle::isAlive)
                .filter(h -> h.info().commandLine().orElse("").contains("elasticsearch"));
        if (running.isPresent() && isOurs(running.get())) {
            throw new IOException("A managed Elasticsearch node of this service already runs on "
                    + pidFile.getParent().getParent() + "; give each node its own policy.data-dir");
        }
        running.ifPresent(h -> {
            log.warn("Stopping a stale Elasticsearch process {} left by an earlier run", pid);
            h.destroy();
            h.onExit()
                    .orTimeout(60, TimeUnit.SECONDS)
                    .exceptionally(t -> {
                        h.destroyForcibly();
                        return h;
                    })
                    .join();
        });
        Files.deleteIfExists(pidFile);
    }

    private static boolean isOurs(ProcessHandle process) {
        long self = ProcessHandle.current().pid();
        for (Optional<ProcessHandle> p = process.parent();
                p.isPresent();
                p = p.get().parent()) {
            if (p.get().pid() == self) {
                return true;
            }
        }
        return false;
    }

    private static Path fallbackBase(Path baseDir) {
        String key = sha256(baseDir.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 12);
        Path fallback = Path.of("/var/lib/policy-search", key, "elasticsearch");
        log.warn(
                "{} is not reachable by the unprivileged Elasticsearch account (a parent directory is not"
                        + " world-searchable); the managed node keeps its files in {} instead",
                baseDir,
                fallback);
        return fallback;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
