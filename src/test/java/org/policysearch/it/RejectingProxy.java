package org.policysearch.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy in front of an Elasticsearch node that pushes back like a busy cluster: the first
 * {@code rejectedRequests} bulk requests are answered 429 {@code es_rejected_execution_exception} without reaching
 * the node, and in the next {@code rewrittenResponses} bulk responses the first {@code itemsPerResponse} items are
 * turned into per-item 429 rejections (the node did index them; a re-send must be harmless). Everything else passes
 * through unchanged. It records which document ids it rejected and which it later saw again.
 */
final class RejectingProxy implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Hop-by-hop and computed headers the JDK client sets itself. */
    private static final Set<String> SKIPPED_HEADERS =
            Set.of("connection", "content-length", "host", "expect", "upgrade", "transfer-encoding", "keep-alive");

    private final URI upstream;
    private final int rejectedRequests;
    private final int rewrittenResponses;
    private final int itemsPerResponse;
    private final HttpServer server;
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicInteger bulkRequests = new AtomicInteger();
    final List<String> rejectedItemIds = Collections.synchronizedList(new ArrayList<>());
    final List<String> resentItemIds = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger rejectedWholeRequests = new AtomicInteger();

    RejectingProxy(URI upstream, int rejectedRequests, int rewrittenResponses, int itemsPerResponse)
            throws IOException {
        this.upstream = upstream;
        this.rejectedRequests = rejectedRequests;
        this.rewrittenResponses = rewrittenResponses;
        this.itemsPerResponse = itemsPerResponse;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    int bulkRequests() {
        return bulkRequests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            boolean bulk = exchange.getRequestURI().getPath().endsWith("/_bulk");
            int number = bulk ? bulkRequests.incrementAndGet() : 0;
            List<String> ids = bulk ? ids(body) : List.of();
            if (bulk) {
                synchronized (rejectedItemIds) {
                    ids.stream().filter(rejectedItemIds::contains).forEach(resentItemIds::add);
                }
            }
            if (bulk && number <= rejectedRequests) {
                rejectedWholeRequests.incrementAndGet();
                respond(exchange, 429, rejection().toString().getBytes(StandardCharsets.UTF_8));
                return;
            }
            HttpResponse<byte[]> response = forward(exchange, body);
            byte[] answer = response.body();
            if (bulk && response.statusCode() == 200 && number <= rejectedRequests + rewrittenResponses) {
                answer = rewrite(answer);
            }
            response.headers().map().forEach((name, values) -> {
                if (!SKIPPED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream
                        + exchange.getRequestURI().getRawPath()
                        + (exchange.getRequestURI().getRawQuery() == null
                                ? ""
                                : "?" + exchange.getRequestURI().getRawQuery())))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!SKIPPED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The first items of a bulk response become 429 rejections, as a node with a full write queue answers. */
    private byte[] rewrite(byte[] answer) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(answer);
        int n = Math.min(itemsPerResponse, root.path("items").size());
        for (int i = 0; i < n; i++) {
            ObjectNode action = (ObjectNode) root.path("items").get(i).path("index");
            rejectedItemIds.add(action.path("_id").asText());
            ObjectNode rejected = JSON.createObjectNode();
            rejected.put("_index", action.path("_index").asText());
            rejected.put("_id", action.path("_id").asText());
            rejected.put("status", 429);
            rejected.set("error", error());
            ((ObjectNode) root.path("items").get(i)).set("index", rejected);
        }
        root.put("errors", true);
        return JSON.writeValueAsBytes(root);
    }

    private static ObjectNode error() {
        ObjectNode error = JSON.createObjectNode();
        error.put("type", "es_rejected_execution_exception");
        error.put("reason", "rejected execution of coordinating operation [test proxy]");
        return error;
    }

    private static JsonNode rejection() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode error = error();
        error.set("root_cause", JSON.createArrayNode().add(error()));
        root.set("error", error);
        root.put("status", 429);
        return root;
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/vnd.elasticsearch+json;compatible-with=8");
        exchange.getResponseHeaders().set("X-Elastic-Product", "Elasticsearch");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The document ids of a bulk body's action lines. */
    private static List<String> ids(byte[] body) throws IOException {
        List<String> ids = new ArrayList<>();
        String[] lines = new String(body, StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < lines.length; i += 2) {
            JsonNode action = JSON.readTree(lines[i]).path("index");
            if (!action.isMissingNode()) {
                ids.add(action.path("_id").asText());
            }
        }
        return ids;
    }
}
